using System.Collections;
using System.Reflection;

namespace ParIndex.Tests.Frameworks;

/// <summary>
/// Structural comparison of model graphs. Records compare lists by reference, so a round-trip test
/// needs this to prove that every property of every node survived.
/// </summary>
internal static class DeepEquality
{
    public static void AssertEqual(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        Assert.True(expected.GetType() == actual.GetType() || (expected is IEnumerable && actual is IEnumerable),
            $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");

        switch (expected)
        {
            case string or decimal or int or bool or Enum:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case IDictionary<string, string> dictionary:
                var other = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(actual);
                Assert.Equal(dictionary.OrderBy(e => e.Key), other.OrderBy(e => e.Key));
                return;
            case IEnumerable list:
                var e = list.Cast<object?>().ToList();
                var a = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(e.Count == a.Count, $"{path}: expected {e.Count} items, got {a.Count}");
                for (var i = 0; i < e.Count; i++)
                    AssertEqual(e[i], a[i], $"{path}[{i}]");
                return;
        }

        var properties = expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        foreach (var property in properties)
            AssertEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
    }
}
