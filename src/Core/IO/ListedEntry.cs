namespace Piuparts.Core.IO;

/// <summary>
/// One entry of a directory listing (<see cref="ListingCache"/>): its name, whether it is a
/// directory (symbolic links to directories are not listed), and for a file its size and
/// modification time (UTC ticks) as stat(2) gave them; 0 and 0 for a directory or when listed
/// without times; and its inode number as the directory gave it (0 when not known), by which a
/// changed directory's unchanged files are told from replaced ones.
/// </summary>
public readonly record struct ListedEntry(string Name, bool IsDirectory, long Length, long ModifiedTicks, ulong Inode = 0);
