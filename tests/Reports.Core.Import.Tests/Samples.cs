using System;
using System.IO;

namespace Reports.Core.Import.Tests;

/// <summary>The sample reports, copied to the test output.</summary>
internal static class Samples
{
    public const string S000 = "000_28319fa63509a2c9.txt";
    public const string S001 = "001_15eb5b1947f27c69.txt";
    public const string S002 = "002_e6310af634577f66.txt";
    public const string S003 = "003_7e335010be635ecf.txt";
    public const string S004 = "004_afc8951c6086bbfe.txt";
    public const string Hongze2023 = "hongze-2023-pdftotext.txt";
    public const string Hongze2024 = "hongze-2024-pdftotext.txt";
    public const string Huaian2024 = "huaian-2024-pdftotext.txt";

    public static readonly string[] All = { S000, S001, S002, S003, S004, Hongze2023, Hongze2024, Huaian2024 };

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name));
}
