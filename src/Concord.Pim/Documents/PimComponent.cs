namespace Concord.Pim.Documents;

/// <summary>
/// A BEGIN/END component (VCARD, VCALENDAR, VEVENT, VTODO, VJOURNAL, VALARM, VTIMEZONE...) with its properties in
/// the order written and its nested components; the whole of an item, nothing dropped.
/// </summary>
public sealed class PimComponent
{
    /// <summary>Creates an empty component.</summary>
    public PimComponent(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The component name as written after BEGIN:.</summary>
    public string Name { get; set; }

    /// <summary>The properties, in the order written.</summary>
    public List<PimProperty> Properties { get; } = [];

    /// <summary>The nested components, in the order written.</summary>
    public List<PimComponent> Components { get; } = [];

    /// <summary>The format of this component when it is an item's root.</summary>
    public PimFormat Format => PimFormats.Of(this);

    /// <summary>Whether the name is <paramref name="name"/>, ignoring case.</summary>
    public bool NameIs(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first property named <paramref name="name"/>, or null.</summary>
    public PimProperty? Find(string name) => Properties.Find(p => p.NameIs(name));

    /// <summary>Every property named <paramref name="name"/>.</summary>
    public IEnumerable<PimProperty> FindAll(string name) => Properties.Where(p => p.NameIs(name));

    /// <summary>The nested components named <paramref name="name"/>.</summary>
    public IEnumerable<PimComponent> Children(string name) => Components.Where(c => c.NameIs(name));

    /// <summary>Sets the first property named <paramref name="name"/> (adding it when missing) and returns it.</summary>
    public PimProperty Set(string name, string value)
    {
        var p = Find(name);
        if (p is null)
        {
            p = new PimProperty(name, value);
            Properties.Add(p);
        }
        else
        {
            p.Value = value;
        }
        return p;
    }

    /// <summary>Removes every property named <paramref name="name"/>.</summary>
    public void Remove(string name) => Properties.RemoveAll(p => p.NameIs(name));

    /// <summary>A deep copy.</summary>
    public PimComponent Clone()
    {
        var copy = new PimComponent(Name);
        foreach (var p in Properties) copy.Properties.Add(p.Clone());
        foreach (var c in Components) copy.Components.Add(c.Clone());
        return copy;
    }

    /// <summary>The component written in its own format.</summary>
    public override string ToString() => PimDocument.Write(this);
}
