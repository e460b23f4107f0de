namespace Concord.Card.Storage;

/// <summary>One write step as <see cref="MemoryEeprom.WriteHook"/> sees it: its index since power on, and where.</summary>
public readonly record struct EepromWriteStep(int Index, int Offset, int Length);
