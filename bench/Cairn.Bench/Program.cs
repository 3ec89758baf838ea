using System.Diagnostics;
using Cairn.Bench;

var sinceMain = Stopwatch.StartNew();
if (args.Length == 4 && args[0] is "w2-start" or "w2-resume")
{
    return await W2Resume.ChildAsync(args[0], args[1], args[2], args[3], sinceMain);
}

var options = BenchArgs.Parse(args);
var line = options.Workload switch
{
    "W1" => await W1Sequential.RunAsync(options),
    "W2" => await W2Resume.OrchestrateAsync(options),
    "W3" => await W3Replay.RunAsync(options),
    "W4" => await W4Suspended.RunAsync(options),
    _ => throw new ArgumentException($"Unknown workload '{options.Workload}'; use W1, W2, W3 or W4."),
};
Console.WriteLine(line);
return 0;
