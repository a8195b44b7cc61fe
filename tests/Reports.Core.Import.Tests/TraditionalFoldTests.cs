using System.Collections.Generic;
using System.Linq;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// The traditional-to-simplified fold exists to read mirrors and Big5 pages against the template's labels, so it is
/// checked against the labels' alphabet (every title, table, row and column label and alias of both editions): each
/// pair maps a character no label uses onto one the labels use, and nothing else.
/// </summary>
public class TraditionalFoldTests
{
    private static readonly HashSet<char> Alphabet = LabelAlphabet(Editions.Report2019.Edition.Schema, Editions.Report2021.Edition.Schema);

    [Fact]
    public void Every_fold_pair_maps_a_character_no_label_uses_onto_one_the_labels_use()
    {
        IReadOnlyDictionary<char, char> traditional = Matching.LabelText.TraditionalForms();
        Assert.NotEmpty(traditional);
        var outside = traditional.Keys.Where(s => !Alphabet.Contains(s)).ToList();
        Assert.True(outside.Count == 0, "simplified forms no label uses: " + string.Concat(outside));
        var used = traditional.Values.Where(Alphabet.Contains).ToList();
        Assert.True(used.Count == 0, "traditional forms the labels themselves use: " + string.Concat(used));
    }

    [Fact]
    public void Folding_a_traditional_label_gives_the_labels_own_characters()
    {
        IReadOnlyDictionary<char, char> traditional = Matching.LabelText.TraditionalForms();
        foreach (char simplified in traditional.Keys)
        {
            Assert.Equal(simplified, Matching.LabelText.FoldChar(traditional[simplified]));
        }

        Assert.Equal(Matching.LabelText.Body("（三）本年度办理结果"), Matching.LabelText.Body("（三）本年度辦理結果"));
    }

    private static HashSet<char> LabelAlphabet(params ReportSchema[] schemas)
    {
        var chars = new HashSet<char>();
        void Add(string? text)
        {
            foreach (char c in text ?? string.Empty)
            {
                chars.Add(c);
            }
        }

        void Rows(IEnumerable<RowInfo> rows)
        {
            foreach (RowInfo row in rows)
            {
                Add(row.Label);
                row.Aliases.ToList().ForEach(Add);
                Columns(row.Columns);
                Rows(row.Children);
            }
        }

        void Columns(IEnumerable<ColumnInfo> columns)
        {
            foreach (ColumnInfo column in columns)
            {
                Add(column.Label);
                column.Aliases.ToList().ForEach(Add);
                Columns(column.Children);
            }
        }

        foreach (ReportSchema schema in schemas)
        {
            Add(schema.Title);
            foreach (TableInfo table in schema.Tables)
            {
                Add(table.Label);
                Add(table.Note);
                Rows(table.Rows);
            }
        }

        return chars;
    }
}
