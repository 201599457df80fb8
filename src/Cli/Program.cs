using Piuparts.Cli;

return SiteCommand.Run(args, Console.Out, Console.Error);
