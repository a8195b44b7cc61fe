using System.Globalization;
using System.Linq;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Emit;

/// <summary>
/// Emits every identity as straight-line integer code over the value span: no loops, no lookups, no
/// allocation unless an identity fails. Values are range-checked before these methods run, so 64-bit sums cannot overflow.
/// </summary>
internal static class IdentityEmitter
{
    public static void Emit(EditionModel model, CodeWriter w)
    {
        int n = model.Cells.Count;
        w.Doc("Generated: true when every hard identity holds. Expects " + n + " range-checked values.");
        w.Open("public override bool HoldsAll(global::System.ReadOnlySpan<long> v)");
        w.Line("if (v.Length != " + n + ") return false;");
        w.Line("ref long r = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(v);");
        var hard = model.Identities.Where(i => i.IsError).ToList();
        if (hard.Count == 0)
        {
            w.Line("return true;");
        }
        else
        {
            for (int i = 0; i < hard.Count; i++)
            {
                IdentityModel x = hard[i];
                string prefix = i == 0 ? "return " : "    && ";
                w.Line(prefix + "(" + Side(x.Left) + ") " + Operator(x.Relation) + " (" + Side(x.Right) + ")" + (i == hard.Count - 1 ? ";" : string.Empty) + " // " + x.Id + "[" + x.ScopeKey + "]");
            }
        }

        w.Close();
        w.Line();
        w.Doc("Generated: checks every identity, hard and soft, and records each one that fails.");
        w.Open("public override void EvaluateIdentities(global::System.ReadOnlySpan<long> v, global::Reports.Core.Validation.IdentityFindings findings)");
        w.Line("if (v.Length != " + n + ") throw new global::System.ArgumentException(\"Expected " + n + " values.\", nameof(v));");
        w.Line("ref long r = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(v);");
        w.Line("long left, right;");
        foreach (IdentityModel x in model.Identities)
        {
            w.Line("left = " + Side(x.Left) + "; right = " + Side(x.Right) + "; // " + x.Id + "[" + x.ScopeKey + "]");
            w.Line("if (!(left " + Operator(x.Relation) + " right)) findings.Add(" + x.Index + ", left, right);");
        }

        w.Close();
    }

    private static string Side(EquatableArray<int> ordinals) =>
        ordinals.Count == 0 ? "0L" : string.Join(" + ", ordinals.Select(o => "global::System.Runtime.CompilerServices.Unsafe.Add(ref r, " + o.ToString(CultureInfo.InvariantCulture) + ")"));

    private static string Operator(Relation relation) => relation switch
    {
        Relation.LessOrEqual => "<=",
        Relation.GreaterOrEqual => ">=",
        _ => "==",
    };
}
