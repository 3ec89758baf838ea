namespace Cairn.Engine;

/// <summary>The families of primitive calls that replay matches by position.</summary>
internal static class CallClass
{
    public const string Step = "step";
    public const string Wait = "wait";
    public const string Child = "child";
    public const string Value = "value";
    public const string State = "state";
    public const string Checkpoint = "checkpoint";
}
