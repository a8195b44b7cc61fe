// A user's program against the Reports.Core packages. .ci/run builds it from the local feed, runs it and
// asserts on what it prints, so every line here is part of the contract of the packages.
using System.Reflection;
using System.Text.Json;
using Contoso.Forms;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Import;
using Reports.Core.Reports;

int failures = 0;

// (a) A published 2021 report as JSON (the draft keeps every cell as published): load, validate, print.
string json = Resource("sample-004.json");
var read = Report2021Draft.FromJson(json);
Print("sample-004.json read", read.Diagnostics);
if (read.Draft is null)
{
    Fail("sample-004.json: no draft");
}
else
{
    var validated = read.Draft.Validate();
    Console.WriteLine($"sample-004.json: edition {Report2021.Edition.Id}, agency {read.Draft.Info.Agency}, year {read.Draft.Info.Year}");
    Print("sample-004.json validate", validated.Diagnostics);
    Console.WriteLine($"sample-004.json: valid={validated.IsValid} errors={validated.Errors.Length} warnings={validated.Warnings.Length}");
    if (validated.Report is { } report)
    {
        Console.WriteLine($"sample-004.json: t3 new total {report.Applications.NewReceived.Total}, results total {report.Applications.Results.Total.Total}");

        // JsonSerializer through the generated context: no reflection, so it runs under Native AOT too.
        string serialized = JsonSerializer.Serialize(report, Report2021JsonContext.Default.Report2021);
        Report2021? deserialized = JsonSerializer.Deserialize(serialized, Report2021JsonContext.Default.Report2021);
        Console.WriteLine($"sample-004.json: JsonSerializer round trip equal={report.Equals(deserialized)}");
    }
}

// The same report with one published cell changed (t3 一、本年新收 自然人 2 → 3): the identities catch it.
int at = json.IndexOf("\"np\": 2,", StringComparison.Ordinal);
var altered = Report2021Draft.FromJson(json.Remove(at, 8).Insert(at, "\"np\": 3,")).Draft!.Validate();
Print("sample-004.json altered", altered.Diagnostics);
Console.WriteLine($"sample-004.json altered: valid={altered.IsValid} errors={altered.Errors.Length} warnings={altered.Warnings.Length}");

// (a') The same report as published text, through Reports.Core.Import.
var imported = ReportImporter.Default.Import(Resource("sample-004.txt"), "sample-004.txt");
Print("sample-004.txt import", imported.Diagnostics);
if (imported.Draft is null || imported.Edition is null)
{
    Fail("sample-004.txt: nothing imported");
}
else
{
    var validated = imported.Edition.Validate(imported.Draft);
    Print("sample-004.txt validate", validated.Diagnostics);
    Console.WriteLine($"sample-004.txt: edition {imported.Edition.Id}, valid={validated.IsValid}");
}

// (b) The team's own form, generated from Schemas/contoso-form.report-schema.json in this project.
Console.WriteLine($"custom: type {typeof(ContosoForm).FullName}, edition {ContosoForm.Edition.Id}, cells {ContosoForm.Schema.CellCount}");
var builder = new ContosoFormBuilder { Info = new ReportInfo { Agency = "Contoso 市数据局", Year = 2024 } };
builder.ActiveDisclosure.Item1.Regulation.Issued = 1;
builder.ActiveDisclosure.Item1.Regulation.InForce = 4;
builder.ActiveDisclosure.Item1.AdminNormative.Issued = 3;
builder.ActiveDisclosure.Item1.AdminNormative.Repealed = 1;
builder.ActiveDisclosure.Item1.AdminNormative.InForce = 12;
builder.ActiveDisclosure.Item1.OtherDocuments.Issued = 7;     // the extra row
builder.ActiveDisclosure.Item1.OtherDocuments.InForce = 5;    // 5 + 0 < 7: the soft check S1 warns
var built = builder.Build();
Print("custom build", built.Diagnostics);
if (built.Report is not { } form)
{
    Fail("custom: the builder rejected a consistent form");
}
else
{
    var total = form.ActiveDisclosure.Item1.Total;
    Console.WriteLine($"custom: valid=True total issued={total.Issued} repealed={total.Repealed} inForce={total.InForce} (derived)");
    Console.WriteLine($"custom: other documents issued={form.ActiveDisclosure.Item1.OtherDocuments.Issued}");

    // JSON round trip (reading validates again).
    string formJson = form.ToJson();
    Console.WriteLine($"custom: json {formJson}");
    var again = ContosoForm.FromJson(formJson);
    Console.WriteLine($"custom: json round trip equal={again.Report is not null && again.Report.Equals(form)}");
    var viaSerializer = JsonSerializer.Deserialize(JsonSerializer.Serialize(form, ContosoFormJsonContext.Default.ContosoForm), ContosoFormJsonContext.Default.ContosoForm);
    Console.WriteLine($"custom: JsonSerializer round trip equal={form.Equals(viaSerializer)}");

    // The cross-year identity X2 declared in the schema (crossYear): last year's stock + issued − repealed.
    var lastYear = new ContosoFormBuilder { Info = new ReportInfo { Agency = "Contoso 市数据局", Year = 2023 } };
    lastYear.ActiveDisclosure.Item1.Regulation.InForce = 3;
    lastYear.ActiveDisclosure.Item1.AdminNormative.InForce = 10;
    lastYear.ActiveDisclosure.Item1.OtherDocuments.InForce = 2;
    if (lastYear.Build().Report is { } previous)
    {
        foreach (Diagnostic d in Reports.Core.CrossReport.CrossYearChecks.Check(previous, form))
        {
            Console.WriteLine($"custom cross-year: {d.Id} {d.Identity}");
        }
    }
    else
    {
        Fail("custom: last year's form did not build");
    }

    // A draft whose total is wrong: the declared identity H1 is an error.
    var wrong = ContosoFormDraft.FromJson(formJson.Replace("\"total\":{\"issued\":11", "\"total\":{\"issued\":12", StringComparison.Ordinal));
    var checkedWrong = wrong.Draft!.Validate();
    Print("custom wrong total", checkedWrong.Diagnostics);
    Console.WriteLine($"custom: wrong total valid={checkedWrong.IsValid} errors={checkedWrong.Errors.Length}");
}

Console.WriteLine(failures == 0 ? "consumer: done" : $"consumer: {failures} failure(s)");
return failures == 0 ? 0 : 1;

void Print(string what, IEnumerable<Diagnostic> diagnostics)
{
    foreach (Diagnostic d in diagnostics)
    {
        Console.WriteLine($"{what}: {d}");
    }
}

void Fail(string message)
{
    failures++;
    Console.WriteLine("FAIL " + message);
}

static string Resource(string name)
{
    using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
    using var reader = new StreamReader(stream);
    return reader.ReadToEnd();
}
