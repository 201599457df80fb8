namespace Piuparts.Core.Archive;

/// <summary>Hands out slices of large arrays, a new array when the current one is full; slices are never reused.</summary>
internal sealed class Chunks<T>(int chunkLength)
{
    private T[] _current = [];
    private int _used;

    public ArraySegment<T> Take(int length)
    {
        if (_current.Length - _used < length)
        {
            _current = new T[Math.Max(chunkLength, length)];
            _used = 0;
        }
        var slice = new ArraySegment<T>(_current, _used, length);
        _used += length;
        return slice;
    }
}
