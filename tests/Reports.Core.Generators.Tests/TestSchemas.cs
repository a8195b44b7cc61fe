namespace Reports.Core.Generators.Tests;

/// <summary>Small custom schemas used across the tests (namespace Test.Gen, so they never clash with Reports.Core's own editions).</summary>
internal static class TestSchemas
{
    /// <summary>One table, two data rows and a total row, an H-style summation down each column and a soft S-style check.</summary>
    public const string Hotline = """
{
  "formatVersion": 1,
  "edition": "hotline-2024",
  "typeName": "HotlineReport",
  "namespace": "Test.Gen",
  "title": "政务服务热线季度统计表",
  "years": { "from": 2024, "to": null },
  "tables": [
    {
      "key": "t1",
      "name": "Requests",
      "label": "一、诉求受理情况",
      "kind": "count",
      "unit": "件",
      "columns": [
        { "key": "received", "name": "Received", "label": "受理数量" },
        { "key": "resolved", "name": "Resolved", "label": "办结数量" }
      ],
      "rows": [
        { "key": "phone", "name": "Phone", "label": "（一）电话" },
        { "key": "online", "name": "Online", "label": "（二）网络", "aliases": ["（二）网上"] },
        { "key": "total", "name": "Total", "label": "（三）合计" }
      ]
    }
  ],
  "identities": [
    { "id": "H1", "title": "合计等于各渠道之和", "table": "t1", "along": "rows",
      "total": "total", "parts": ["phone", "online"] },
    { "id": "S1", "title": "办结数量不大于受理数量", "table": "t1", "along": "columns",
      "left": ["resolved"], "relation": "<=", "right": ["received"], "severity": "warning" }
  ]
}
""";

    /// <summary>Keyed column groups (review / litigation) with the same leaves, and one identity applied per group via <c>each</c>.</summary>
    public const string Appeals = """
{
  "formatVersion": 1,
  "edition": "appeals-1",
  "typeName": "AppealsReport",
  "namespace": "Test.Gen",
  "title": "复议诉讼情况表",
  "tables": [
    {
      "key": "t4",
      "name": "Appeals",
      "label": "四、复议诉讼",
      "unit": "件",
      "columns": [
        { "key": "rev", "name": "Review", "label": "行政复议", "columns": [
          { "key": "upheld", "name": "Upheld", "label": "结果维持" },
          { "key": "corrected", "name": "Corrected", "label": "结果纠正" },
          { "key": "total", "name": "Total", "label": "总计" }
        ] },
        { "key": "lit", "name": "Litigation", "label": "行政诉讼", "columns": [
          { "key": "upheld", "name": "Upheld", "label": "结果维持" },
          { "key": "corrected", "name": "Corrected", "label": "结果纠正" },
          { "key": "total", "name": "Total", "label": "总计" }
        ] }
      ],
      "rows": [
        { "name": "Counts", "label": "数量" }
      ]
    }
  ],
  "identities": [
    { "id": "H4", "title": "总计等于各结果之和", "table": "t4", "along": "columns",
      "each": ["rev", "lit"], "total": "total", "parts": ["upheld", "corrected"] }
  ]
}
""";

    /// <summary>Money cells with unit and decimals, a hard summation and a soft &lt;= check.</summary>
    public const string Budget = """
{
  "formatVersion": 1,
  "edition": "budget-1",
  "typeName": "BudgetReport",
  "namespace": "Test.Gen",
  "title": "公开经费情况表",
  "tables": [
    {
      "key": "t1",
      "name": "Costs",
      "label": "一、经费",
      "kind": "money",
      "unit": "万元",
      "decimals": 2,
      "columns": [
        { "key": "planned", "name": "Planned", "label": "预算" },
        { "key": "spent", "name": "Spent", "label": "支出" }
      ],
      "rows": [
        { "key": "staff", "name": "Staff", "label": "人员经费" },
        { "key": "ops", "name": "Operations", "label": "运行经费" },
        { "key": "total", "name": "Total", "label": "合计" }
      ]
    }
  ],
  "identities": [
    { "id": "H1", "title": "合计", "table": "t1", "along": "rows", "total": "total", "parts": ["staff", "ops"] },
    { "id": "S1", "title": "支出不超过预算", "table": "t1", "along": "columns",
      "left": ["spent"], "relation": "<=", "right": ["planned"], "severity": "warning" }
  ]
}
""";

    /// <summary>A table without any identity (nothing derivable, nothing to check).</summary>
    public const string Plain = """
{
  "formatVersion": 1,
  "edition": "plain-1",
  "typeName": "PlainReport",
  "namespace": "Test.Gen",
  "title": "简单表",
  "tables": [
    {
      "key": "t1",
      "label": "一、数量",
      "columns": [ { "key": "count", "label": "数量" } ],
      "rows": [ { "key": "a", "label": "甲" }, { "key": "b", "label": "乙", "kind": "delta" } ]
    }
  ]
}
""";
}
