using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Atomic or Sequence (SyncML RepPro §6.6.3, 6.6.13): commands applied all-or-nothing or in order.</summary>
public sealed record ContainerCommand : Command
{
    private readonly string _name = "Atomic";

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>Atomic or Sequence.</summary>
    public required string Kind { get => _name; init => _name = value; }

    /// <summary>The commands inside.</summary>
    public IReadOnlyList<Command> Commands { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        foreach (var c in Commands) e.Add(c.ToElement());
        return e;
    }
}
