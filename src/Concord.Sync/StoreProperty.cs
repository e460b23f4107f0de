namespace Concord.Sync;

/// <summary>
/// One property a store keeps of its items, as the client's DevInf announces it in CTCap (OMA-TS-DS_DevInf §5.3.2):
/// a store that declares its properties tells the peer that what it leaves out was never deleted by it.
/// </summary>
/// <param name="Name">The property name (FN, TEL...).</param>
/// <param name="MaxSize">The longest value the store keeps, in characters; null for no limit.</param>
/// <param name="MaxOccur">How many of this property an item keeps; null for no limit.</param>
public sealed record StoreProperty(string Name, int? MaxSize = null, int? MaxOccur = null);
