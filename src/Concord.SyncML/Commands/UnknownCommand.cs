using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>A command Concord does not implement (Exec, Search...), kept to answer it with a status.</summary>
public sealed record UnknownCommand : Command
{
    private readonly string _name = "Exec";

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>The element as received.</summary>
    public required SyncMLElement Element { get; init; }

    /// <summary>The element name.</summary>
    public required string Kind { get => _name; init => _name = value; }

    /// <inheritdoc />
    public override SyncMLElement ToElement() => Element;
}
