using Cairn.Cli;

return await CliApp.RunAsync(args, CliConsole.FromSystemConsole(), TimeProvider.System);
