namespace Cairn.Cli.Hosting;

/// <summary>What a command's host does besides answering the client.</summary>
internal enum HostMode
{
    /// <summary>Reads and steers runs through the store; executes nothing.</summary>
    Client,

    /// <summary>Also executes runnable runs of the store, as a worker does.</summary>
    Execute,
}
