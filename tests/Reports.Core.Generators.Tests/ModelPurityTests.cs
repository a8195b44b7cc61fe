using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>Pipeline models are plain data: caching would break (and leak compilations) if they held Roslyn objects.</summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location),
    };

    [Fact]
    public void Model_types_hold_no_symbols_syntax_compilations_or_locations()
    {
        Assembly generator = typeof(ReportSchemaGenerator).Assembly;
        List<Type> models = generator.GetTypes().Where(t => t.Namespace == "Reports.Core.Generators.Model").ToList();
        Assert.Contains(models, t => t.Name == "EditionModel");
        Assert.Contains(models, t => t.Name == "DiagnosticInfo");
        Assert.Contains(models, t => t.Name == "SchemaParseResult");

        var visited = new HashSet<Type>();
        var problems = new List<string>();
        foreach (Type model in models)
        {
            Walk(model, model.Name, generator, visited, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(typeof(string), visited);
        Assert.True(visited.Count > models.Count, "the walk reached no member types");
    }

    [Fact]
    public void The_walk_detects_a_forbidden_member()
    {
        var problems = new List<string>();
        Walk(typeof(Holder), nameof(Holder), typeof(Holder).Assembly, new HashSet<Type>(), problems);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("Locations", p, StringComparison.Ordinal));
    }

    private static void Walk(Type type, string path, Assembly owner, HashSet<Type> visited, List<string> problems)
    {
        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            problems.Add(path + " is " + type.FullName);
            return;
        }

        if (!visited.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Walk(type.GetElementType()!, path + "[]", owner, visited, problems);
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Walk(argument, path + "<" + argument.Name + ">", owner, visited, problems);
            }
        }

        if (type.Assembly != owner || type.IsGenericParameter)
        {
            return;
        }

        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (Type? t = type; t is not null && t.Assembly == owner; t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(all))
            {
                Walk(field.FieldType, path + "." + field.Name, owner, visited, problems);
            }

            foreach (PropertyInfo property in t.GetProperties(all))
            {
                Walk(property.PropertyType, path + "." + property.Name, owner, visited, problems);
            }
        }
    }

    private sealed class Holder
    {
        public string Name { get; set; } = string.Empty;

        public List<Location> Locations { get; } = new();
    }
}
