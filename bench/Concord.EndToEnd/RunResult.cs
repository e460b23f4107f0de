namespace Concord.EndToEnd;

/// <summary>
/// Everything measured for one server at one size; <see cref="Failure"/> says why the run stopped early or synced
/// wrong (then the phases hold what was measured before).
/// </summary>
internal sealed record RunResult(
    string Server,
    int Size,
    IReadOnlyList<PhaseResult> Phases,
    long PeakRssKib,
    string PeakRssProcess,
    IReadOnlyCollection<string> Processes,
    string? Failure)
{
    /// <summary>The phase of this name, if it was measured.</summary>
    public PhaseResult? Find(string name) => Phases.FirstOrDefault(p => p.Name == name);
}
