using System.CommandLine;
using Cairn.Cli.Hosting;
using Cairn.Definitions;

namespace Cairn.Cli.Commands;

/// <summary>One <c>cairn</c> command: its options, its action, and the mapping of problems to exit codes.</summary>
internal abstract class CliCommand
{
    protected CliCommand(CliEnvironment environment, string name, string description)
    {
        Environment = environment;
        Command = new Command(name, description);
        Command.SetAction(InvokeAsync);
    }

    public Command Command { get; }

    protected CliEnvironment Environment { get; }

    protected TextWriter Out => Environment.Console.Out;

    protected TextWriter Error => Environment.Console.Error;

    protected abstract Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken);

    protected static StoreLocation GetStore(ParseResult parse) => StoreLocation.Parse(parse.GetValue(GlobalOptions.Store));

    /// <summary>Opens the store given with <c>--store</c> without executing runs.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The host, or <see langword="null"/> when the store does not exist yet.</returns>
    protected static async Task<CliHost?> OpenClientAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var store = GetStore(parse);
        return store.Exists ? await CliHost.StartAsync(store, HostMode.Client, cancellationToken: cancellationToken) : null;
    }

    /// <summary>Opens the store for a command about one run; a store that does not exist has no runs.</summary>
    protected static async Task<CliHost> OpenForRunAsync(ParseResult parse, string runId, CancellationToken cancellationToken)
    {
        var store = GetStore(parse);
        if (!store.Exists)
        {
            throw CliException.NotFound($"No run with id '{runId}': the store {store} does not exist; pass --store (or set {StoreLocation.EnvironmentVariable}) to the store the run was started on.");
        }

        return await CliHost.StartAsync(store, HostMode.Client, cancellationToken: cancellationToken);
    }

    private async Task<int> InvokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parse, cancellationToken);
        }
        catch (CliException e)
        {
            Error.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (DefinitionException e)
        {
            foreach (var error in e.Errors)
            {
                Error.WriteLine(error.ToString());
            }

            return ExitCodes.UsageError;
        }
        catch (RunNotFoundException e)
        {
            Error.WriteLine(e.Message);
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Error.WriteLine($"{e.Message} Check the path.");
            return ExitCodes.NotFound;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (ArgumentException e)
        {
            // The parameter name the message ends with means nothing on the command line.
            Error.WriteLine(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
            return ExitCodes.UsageError;
        }
        catch (CairnException e)
        {
            Error.WriteLine(e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error.WriteLine($"cairn failed unexpectedly ({e.GetType().Name}: {e.Message}); please report it with the command you ran.");
            return ExitCodes.RunFailed;
        }
    }
}
