namespace Concord.Card.SyncObjects;

/// <summary>One entry of GetChanges: an EF_ADN record number and what happened to it.</summary>
public readonly record struct RecordChange(int Record, ChangeKind Kind);
