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
                w.Line("// " + Comment(model, x));
                w.Line(prefix + "(" + Side(x.Left) + ") " + Operator(x.Relation) + " (" + Side(x.Right) + ")" + (i == hard.Count - 1 ? ";" : string.Empty));
            }
        }

        w.Close();
        w.Line();
        w.Doc("Generated: checks every identity, hard and soft, and records each one that fails.");
        w.Open("public override void EvaluateIdentities(global::System.ReadOnlySpan<long> v, global::Reports.Core.Infrastructure.IdentityFindings findings)");
        w.Line("if (v.Length != " + n + ") throw new global::System.ArgumentException(\"Expected " + n + " values.\", nameof(v));");
        w.Line("ref long r = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(v);");
        if (model.Identities.Count > 0)
        {
            w.Line("long left, right;"); // declared only when used: an unused local is CS0168 in the consumer's build
        }

        foreach (IdentityModel x in model.Identities)
        {
            w.Line("// " + Comment(model, x));
            w.Line("left = " + Side(x.Left) + ";");
            w.Line("right = " + Side(x.Right) + ";");
            w.Line("if (!(left " + Operator(x.Relation) + " right)) findings.Add(" + x.Index + ", left, right);");
        }

        w.Close();
        w.Line();
        w.Doc("The value at an ordinal, without a bounds check: the callers checked the length once.");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line("private static long At(ref long r, int ordinal) => global::System.Runtime.CompilerServices.Unsafe.Add(ref r, ordinal);");
    }

    // The instance in cell keys, e.g. "H1[new]: t3.new.tot == t3.new.np + t3.new.biz", so a reader can check the ordinals.
    private static string Comment(EditionModel model, IdentityModel x) =>
        x.Id + (x.ScopeKey.Length == 0 ? string.Empty : "[" + x.ScopeKey + "]") + ": " + Keys(model, x.Left) + " " + Operator(x.Relation) + " " + Keys(model, x.Right);

    private static string Keys(EditionModel model, EquatableArray<int> ordinals) =>
        ordinals.Count == 0 ? "0" : string.Join(" + ", ordinals.Select(o => model.Cells[o].Key));

    private static string Side(EquatableArray<int> ordinals) =>
        ordinals.Count == 0 ? "0L" : string.Join(" + ", ordinals.Select(o => "At(ref r, " + o.ToString(CultureInfo.InvariantCulture) + ")"));

    private static string Operator(Relation relation) => relation switch
    {
        Relation.LessOrEqual => "<=",
        Relation.GreaterOrEqual => ">=",
        _ => "==",
    };
}
