namespace Concord.Pim.Capabilities;

/// <summary>
/// One property a device declared in its DevInf CTCap (OMA-TS-DS_DevInf §5.3.2): its name, the largest value it
/// stores (MaxSize, or Size in DevInf 1.1), whether it refuses truncated values (NoTruncate) and the TYPE values
/// it knows (empty when it declared none), and how many of it an item keeps (MaxOccur; null for no limit).
/// </summary>
public sealed record PropertyCapability(string Name, int? MaxSize, bool NoTruncate, IReadOnlyList<string> Types, int? MaxOccur = null);
