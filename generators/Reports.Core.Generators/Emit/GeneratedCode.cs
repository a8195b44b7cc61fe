namespace Reports.Core.Generators.Emit;

/// <summary>The <c>[GeneratedCode]</c> attribute put on every emitted type, so tools (coverage, analyzers) can tell it apart.</summary>
internal static class GeneratedCode
{
    public static readonly string Attribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Core.Generators\", \"" + typeof(GeneratedCode).Assembly.GetName().Version + "\")]";
}
