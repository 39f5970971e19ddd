using ParIndex.Core.Frameworks;

namespace ParIndex.Frameworks;

/// <summary>The XLSX form of a framework that a Home Affairs officer can edit. (Being written: see the frameworks admin work.)</summary>
public static class FrameworkWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, FrameworkDefinition framework) => throw new NotImplementedException();

    public static FrameworkResult Read(Stream input) => throw new NotImplementedException();
}
