namespace Reports.Core.Generators.Emit;

/// <summary>
/// Emits a <c>JsonSerializerContext</c> for the validated report and its draft, the shape System.Text.Json's own
/// generator gives one: type metadata built from the generated converters, so serialization needs no reflection and
/// works under Native AOT and trimming (<c>JsonSerializer.Deserialize(json, Report2021JsonContext.Default.Report2021)</c>).
/// </summary>
internal static class JsonContextEmitter
{
    private const string Stj = "global::System.Text.Json.";
    private const string Meta = "global::System.Text.Json.Serialization.Metadata.";

    public static void Emit(CodeWriter w, string ns, string t, string draft)
    {
        string context = t + "JsonContext";
        string report = "global::" + ns + "." + t;
        string draftType = "global::" + ns + "." + draft;
        w.Line("/// <summary>");
        w.Line("/// System.Text.Json metadata for <see cref=\"" + t + "\"/> and <see cref=\"" + draft + "\"/>, for Native AOT and trimming, where");
        w.Line("/// reflection-based serialization is disabled: <c>JsonSerializer.Deserialize(json, " + context + ".Default." + t + ")</c>.");
        w.Line("/// Combine it with other contexts through <see cref=\"" + Stj + "JsonSerializerOptions.TypeInfoResolverChain\"/>.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open("public sealed class " + context + " : " + Stj + "Serialization.JsonSerializerContext, " + Meta + "IJsonTypeInfoResolver");
        w.Line("private static readonly " + Stj + "JsonSerializerOptions s_defaultOptions = new " + Stj + "JsonSerializerOptions();");
        w.Line();
        w.Line("private " + Meta + "JsonTypeInfo<" + report + ">? _report;");
        w.Line();
        w.Line("private " + Meta + "JsonTypeInfo<" + draftType + ">? _draft;");
        w.Line();
        w.Doc("Creates a context with default options.");
        w.Line("public " + context + "()");
        w.Line("    : base(null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("Creates a context bound to the given options (they must not be in use yet).");
        w.Line("public " + context + "(" + Stj + "JsonSerializerOptions options)");
        w.Line("    : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("The context with default options.");
        w.Line("public static " + context + " Default { get; } = new " + context + "(new " + Stj + "JsonSerializerOptions(s_defaultOptions));");
        w.Line();
        w.Doc("Metadata of " + t + ": reading validates, so deserialization never yields a report that breaks an identity.");
        w.Line("public " + Meta + "JsonTypeInfo<" + report + "> " + t + " => _report ??= (" + Meta + "JsonTypeInfo<" + report + ">)Options.GetTypeInfo(typeof(" + report + "));");
        w.Line();
        w.Doc("Metadata of " + draft + ": every cell as published.");
        w.Line("public " + Meta + "JsonTypeInfo<" + draftType + "> " + draft + " => _draft ??= (" + Meta + "JsonTypeInfo<" + draftType + ">)Options.GetTypeInfo(typeof(" + draftType + "));");
        w.Line();
        w.Doc("The options this context was generated with.");
        w.Line("protected override " + Stj + "JsonSerializerOptions? GeneratedSerializerOptions => s_defaultOptions;");
        w.Line();
        w.Doc("The metadata of a type of this context, or null.");
        w.Open("public override " + Meta + "JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out " + Meta + "JsonTypeInfo? typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Open(Meta + "JsonTypeInfo? " + Meta + "IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Stj + "JsonSerializerOptions options)");
        w.Open("if (type == typeof(" + report + "))");
        w.Line("return " + Meta + "JsonMetadataServices.CreateValueInfo<" + report + ">(options, new global::" + ns + "." + t + "JsonConverter());");
        w.Close();
        w.Line();
        w.Open("if (type == typeof(" + draftType + "))");
        w.Line("return " + Meta + "JsonMetadataServices.CreateValueInfo<" + draftType + ">(options, new global::" + ns + "." + draft + "JsonConverter());");
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
    }
}
