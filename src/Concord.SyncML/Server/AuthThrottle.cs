using System.Collections.Concurrent;

namespace Concord.SyncML.Server;

/// <summary>
/// Counts failed logins per address and per user in a sliding window; past the limit, further attempts are refused
/// without checking the password until the window has passed. Kept in memory: a restart forgives.
/// </summary>
internal sealed class AuthThrottle(int maxFailures, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsThrottled(string address, string? user) =>
        Count("a:" + address) >= maxFailures || (user is not null && Count("u:" + user) >= maxFailures);

    public void Fail(string address, string? user)
    {
        Add("a:" + address);
        if (user is not null) Add("u:" + user);
    }

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var q)) return 0;
        lock (q)
        {
            var cutoff = time.GetUtcNow() - window;
            while (q.Count > 0 && q.Peek() < cutoff) q.Dequeue();
            return q.Count;
        }
    }

    private void Add(string key)
    {
        var q = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (q) q.Enqueue(time.GetUtcNow());
    }
}
