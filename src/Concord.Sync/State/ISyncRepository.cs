namespace Concord.Sync.State;

/// <summary>
/// Where accounts, items, change logs, anchors, ID maps and session state live. One <see cref="ISyncUnit"/> is one
/// database transaction: everything a message changes is committed together with the answer it produces.
/// SQLite implements it today; PostgreSQL will, so several server nodes can share one database.
/// </summary>
public interface ISyncRepository
{
    /// <summary>Starts a unit of work that holds the write lock until it is committed or disposed.</summary>
    ISyncUnit Begin();
}
