namespace Reports.Core.Import.Grid;

/// <summary>Reads one layout of published text into a grid. Never throws on input.</summary>
internal interface IGridReader
{
    /// <summary>Layout name.</summary>
    string Name { get; }

    /// <summary>Reads <paramref name="text"/>.</summary>
    GridTable Read(string text);
}
