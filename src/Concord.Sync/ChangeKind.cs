namespace Concord.Sync;

/// <summary>What happened to an item: the three changes a change log records.</summary>
public enum ChangeKind
{
    /// <summary>The item is new.</summary>
    Add,

    /// <summary>The item's content changed.</summary>
    Replace,

    /// <summary>The item was deleted.</summary>
    Delete,
}
