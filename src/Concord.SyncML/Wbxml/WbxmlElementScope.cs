namespace Concord.SyncML.Wbxml;

/// <summary>An element with content being written; disposing it writes the element's END.</summary>
public readonly struct WbxmlElementScope : IDisposable, IEquatable<WbxmlElementScope>
{
    private readonly WbxmlWriter? _writer;

    internal WbxmlElementScope(WbxmlWriter writer) => _writer = writer;

    /// <summary>Writes END for the element.</summary>
    public void Dispose() => _writer?.WriteEndElement();

    /// <inheritdoc />
    public bool Equals(WbxmlElementScope other) => ReferenceEquals(_writer, other._writer);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WbxmlElementScope other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _writer?.GetHashCode() ?? 0;

    /// <summary>Scopes are equal when they write to the same writer.</summary>
    public static bool operator ==(WbxmlElementScope left, WbxmlElementScope right) => left.Equals(right);

    /// <summary>Scopes differ when they write to different writers.</summary>
    public static bool operator !=(WbxmlElementScope left, WbxmlElementScope right) => !left.Equals(right);
}
