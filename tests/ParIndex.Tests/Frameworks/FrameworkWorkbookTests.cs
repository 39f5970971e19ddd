using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ParIndex.Core.Frameworks;
using ParIndex.Data.Tabular;
using ParIndex.Frameworks;

namespace ParIndex.Tests.Frameworks;

/// <summary>The XLSX form of a framework: lossless round trip, the notations officers type, and problems named by sheet, row and column.</summary>
public sealed class FrameworkWorkbookTests
{
    private static MemoryStream Written(FrameworkDefinition framework)
    {
        var stream = new MemoryStream();
        FrameworkWorkbook.Write(stream, framework);
        stream.Position = 0;
        return stream;
    }

    private static FrameworkResult ReadSheets(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets);
        stream.Position = 0;
        return FrameworkWorkbook.Read(stream);
    }

    private static readonly string[] NodeHeader = ["Mã", "Mã cha", "Loại", "Tên", "Điểm tối đa", "Phương pháp", "Bước điểm", "Các mức", "Chỉ số", "Cách tính", "Ngưỡng", "Khung điểm", "Không phát sinh"];

    private static XlsxSheet Info(int year = 2025) => new("Thông tin", ["Mục", "Giá trị"], [["Năm", year], ["Mã khối", "so-ban-nganh"], ["Tên bộ tiêu chí", "Bộ tiêu chí thử"]]);

    private static XlsxSheet Nodes(params IReadOnlyList<XlsxCell>[] rows) => new("Tiêu chí", NodeHeader, rows);

    private static IReadOnlyList<XlsxCell> Row(params string[] cells) => [.. cells.Select(c => (XlsxCell)c)];

    [Fact]
    public void TheFullTestFrameworkIsValid() => Assert.Empty(FrameworkValidator.Validate(TestFrameworks.Full()));

    [Fact]
    public void WritingThenReadingGivesBackAnEqualFramework()
    {
        var framework = TestFrameworks.Full();

        var result = FrameworkWorkbook.Read(Written(framework));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        DeepEquality.AssertEqual(framework, result.Framework);
        Assert.Equal(FrameworkJson.Serialize(framework), FrameworkJson.Serialize(result.Framework));
    }

    [Fact]
    public void TheWorkbookHasTheDocumentedSheetsAndVietnameseHeaders()
    {
        var file = WorkbookSheets.Read(Written(TestFrameworks.Full()));

        Assert.Equal(["Thông tin", "Tiêu chí", "Xếp loại", "Quy tắc", "Đối chiếu", "Ghi chú"], file.Sheets.Select(s => s.Name));
        var nodes = file.Find("Tiêu chí")!;
        Assert.Equal(["Mã", "Mã cha", "Loại", "Tên", "Tên tiếng Anh", "Điểm tối đa", "Phương pháp", "Bước điểm", "Các mức"], nodes.Columns.Take(9).Select(c => c.Header));
        var level = nodes.Rows.Single(r => r[0] == "1.2");
        Assert.Equal("A=Hoàn thành 100 % kế hoạch:1 | B=Từ 80 % đến dưới 100 %: đạt \\| một phần:0,5 | C=Dưới 80 % (tỷ lệ = 0):0", level[8]);
        var brackets = nodes.Rows.Single(r => r[0] == "1.1.2");
        Assert.Equal("[;1):1,5 | [1;5,25):0,75 | [5,25;):0", brackets[nodes.Columns.Single(c => c.Header == "Khung điểm").Index]);
        var rules = file.Find("Quy tắc")!;
        Assert.Contains(rules.Rows, r => r[0] == "discipline" && r[7] == "previous.class <= kha");
        Assert.Contains(rules.Rows, r => r[0] == "reward" && r[7] == "top 1/3");
        Assert.Contains(rules.Rows, r => r[0] == "index-band" && r[7] == "index >= 40 and index < 45,5");
    }

    [Fact]
    public void TheWorkbookIsValidOpenXmlWithCodeColumnsFormattedAsText()
    {
        using var document = SpreadsheetDocument.Open(Written(TestFrameworks.Full()), isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
        var part = document.WorkbookPart!;
        var textStyle = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList().FindIndex(f => f.NumberFormatId?.Value == 49);
        var nodes = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Tiêu chí").Id!);
        var codeCells = nodes.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First());
        Assert.True(textStyle > 0);
        Assert.All(codeCells, c => Assert.Equal((uint)textStyle, c.StyleIndex!.Value));
    }

    [Fact]
    public void EnglishHeadersSheetNamesAndNotationsAreAccepted()
    {
        var result = ReadSheets(
            new XlsxSheet("Info", ["Item", "Value"], [["Year", 2026], ["Block code", "xa"], ["Title", "Khung"]]),
            new XlsxSheet("Criteria", ["Code", "Parent code", "Kind", "Title", "Max points", "Method", "Levels", "Metric", "Points mode", "Brackets", "Not applicable", "Evidence required"],
            [
                Row("1", "", "group", "Lĩnh vực", "2,5", "", "", "", "", "", "", ""),
                Row("1.1", "1", "leaf", "Mức", "1.5", "chọn mức", "A=Đạt:1,5\nB=Không đạt:0", "", "", "", "đủ điểm", "x"),
                Row("1.2", "1", "tiêu chí", "Khung", "1", "chỉ số", "", "dossiers.late_rate", "khung điểm", "<1:1 | ≥ 1:0", "", "không"),
            ]),
            new XlsxSheet("Classes", ["Code", "Name", "From (≥)", "Below (<)"], [Row("dat", "Đạt", "50", ""), Row("khong-dat", "Không đạt", "", "50")]),
            new XlsxSheet("Rules", ["Rule code", "Kind", "Rule title", "Clause", "Clause description", "Condition"],
                [Row("r", "reward", "Thưởng", "", "Đạt", "class >= dat"), Row("r", "", "", "", "", "index ≥ 60,5")]),
            new XlsxSheet("Crosswalk", ["New code", "Previous code"], [Row("1.2", "1.3")]));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var framework = result.Framework;
        Assert.Equal(2026, framework.Year);
        Assert.Equal(2.5m, framework.Nodes[0].MaxPoints);
        var rubric = Assert.IsType<RubricMethod>(framework.Nodes[0].Children[0].Method);
        Assert.Equal([1.5m, 0m], rubric.Levels.Select(l => l.Points));
        Assert.Equal(NotApplicablePolicy.FullPoints, framework.Nodes[0].Children[0].NotApplicable);
        Assert.True(framework.Nodes[0].Children[0].EvidenceRequired);
        var metric = Assert.IsType<MetricMethod>(framework.Nodes[0].Children[1].Method);
        Assert.Equal([(null, 1m, 1m), (1m, null, 0m)], metric.Rule.Brackets.Select(b => (b.From, b.To, b.Points)));
        var rule = Assert.Single(framework.Rules);
        Assert.Equal([new ClassCondition { AtLeast = "dat" }, new IndexCondition { AtLeast = 60.5m }], Assert.Single(rule.AnyOf).AllOf);
        Assert.Equal("1.3", framework.Crosswalk["1.2"]);
        Assert.Empty(FrameworkValidator.Validate(framework));
    }

    [Fact]
    public void MissingOptionalSheetsMeanTheDefaultClassesAndRules()
    {
        var result = ReadSheets(Info(), Nodes(Row("1", "", "nhóm", "A", "1"), Row("1.1", "1", "tiêu chí", "B", "1", "manual")));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(ClassBand.Default, result.Framework.Classes);
        Assert.Equal(OutcomeRule.HcmcDefault, result.Framework.Rules);
        Assert.Empty(result.Framework.Crosswalk);
    }

    [Fact]
    public void ABadNumberIsNamedBySheetRowAndColumn()
    {
        var result = ReadSheets(Info(), Nodes(Row("1", "", "nhóm", "A", "1"), Row("1.1", "1", "tiêu chí", "B", "mười", "manual")));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Tiêu chí!R3 (Điểm tối đa)", problem.Path);
        Assert.Equal(FrameworkWorkbook.ProblemCodes.BadValue, problem.Code);
        Assert.Contains("dòng 3, cột E (Điểm tối đa)", problem.MessageVi);
        Assert.Contains("«mười» không phải là số", problem.MessageVi);
        Assert.Contains("row 3, column E", problem.MessageEn);
        Assert.Equal("1.1", problem.NodeCode);
    }

    [Fact]
    public void EveryBadCellIsReportedAtOnce()
    {
        var result = ReadSheets(Info(), Nodes(
            Row("1", "", "nhóm", "A", "2"),
            Row("1.1", "1", "lá cây", "B", "1", "manual"),
            Row("1.2", "1", "tiêu chí", "C", "1", "rubric", "0,5", "A=Đạt"),
            Row("1.3", "1", "tiêu chí", "D", "1", "metric", "", "", "", "ngẫu nhiên"),
            Row("1.4", "1", "tiêu chí", "E", "1", "manual", "", "", "", "", "", "[1;2]:1", "có lẽ"),
            Row("1.2", "1", "tiêu chí", "F", "1", "manual"),
            Row("2.1", "7", "tiêu chí", "G", "1", "manual")));

        Assert.False(result.Succeeded);
        var paths = result.Problems.Select(p => p.Path).ToList();
        Assert.Contains("Tiêu chí!R3 (Loại)", paths);
        Assert.Contains("Tiêu chí!R4 (Bước điểm)", paths);      // a step on a rubric
        Assert.Contains("Tiêu chí!R4 (Các mức)", paths);        // a level without points
        Assert.Contains("Tiêu chí!R5 (Chỉ số)", paths);         // a metric method without a metric
        Assert.Contains("Tiêu chí!R5 (Cách tính)", paths);      // an unknown points mode
        Assert.Contains("Tiêu chí!R6 (Khung điểm)", paths);     // brackets on a manual method
        Assert.Contains("Tiêu chí!R6 (Không phát sinh)", paths);
        Assert.Contains("Tiêu chí!R7 (Mã)", paths);             // a duplicate code
        Assert.Contains("Tiêu chí!R8 (Mã cha)", paths);         // an unknown parent
        Assert.Contains(result.Problems, p => p.Code == FrameworkProblemCodes.DuplicateCode && p.MessageVi.Contains("dòng 4"));
    }

    [Fact]
    public void AParentLoopIsReportedInsteadOfLosingTheRows()
    {
        var result = ReadSheets(Info(), Nodes(Row("1", "", "nhóm", "A", "1"), Row("1.1", "1", "tiêu chí", "B", "1", "manual"),
            Row("5", "5.1", "nhóm", "C", "1"), Row("5.1", "5", "nhóm", "D", "1")));

        Assert.Equal(2, result.Problems.Count(p => p.Code == FrameworkWorkbook.ProblemCodes.ParentCycle));
    }

    [Fact]
    public void UnknownColumnsMissingColumnsAndMissingSheetsAreReported()
    {
        var unknown = ReadSheets(Info(), new XlsxSheet("Tiêu chí", ["Mã", "Loại", "Tên", "Điểm tối đa", "Ghi chú riêng"], [Row("1", "tiêu chí", "A", "1", "x")]));
        var missing = ReadSheets(Info(), new XlsxSheet("Tiêu chí", ["Mã", "Loại", "Tên"], [Row("1", "tiêu chí", "A")]));
        var noSheet = ReadSheets(Info());

        Assert.Contains(unknown.Problems, p => p.Code == FrameworkWorkbook.ProblemCodes.UnknownColumn && p.Path == "Tiêu chí!R1 (Ghi chú riêng)");
        Assert.Contains(missing.Problems, p => p.Code == FrameworkWorkbook.ProblemCodes.MissingColumn && p.MessageVi.Contains("Điểm tối đa"));
        Assert.Contains(noSheet.Problems, p => p.Code == FrameworkWorkbook.ProblemCodes.MissingSheet && p.MessageVi.Contains("Tiêu chí"));
    }

    [Fact]
    public void BadRuleRowsAreNamedByRowAndColumn()
    {
        var rules = new XlsxSheet("Quy tắc", ["Mã quy tắc", "Loại", "Tên quy tắc", "Trường hợp", "Mô tả trường hợp", "Điều kiện"],
        [
            Row("r", "khen thưởng", "Thưởng", "1", "Tốt", "class >= tot"),
            Row("r", "kỷ luật", "", "1", "", "hạng > 3"),
            Row("s", "", "Không loại", "x", "Mô tả", "top 1:3"),
        ]);
        var result = ReadSheets(Info(), Nodes(Row("1", "", "tiêu chí", "A", "1", "manual")), rules);

        var paths = result.Problems.Select(p => p.Path).ToList();
        Assert.Contains("Quy tắc!R3 (Loại)", paths);           // conflicting kind
        Assert.Contains("Quy tắc!R3 (Điều kiện)", paths);
        Assert.Contains("Quy tắc!R4 (Trường hợp)", paths);
        Assert.Contains("Quy tắc!R4 (Loại)", paths);           // rule s has no kind
    }

    [Fact]
    public void AFileThatIsNotAWorkbookIsAProblemNotAnException()
    {
        var result = FrameworkWorkbook.Read(new MemoryStream("PK\u0003\u0004 not really a zip"u8.ToArray()));
        var empty = FrameworkWorkbook.Read(new MemoryStream());

        Assert.Equal(FrameworkWorkbook.ProblemCodes.Unreadable, Assert.Single(result.Problems).Code);
        Assert.Equal(FrameworkWorkbook.ProblemCodes.Unreadable, Assert.Single(empty.Problems).Code);
    }

    [Fact]
    public void ATruncatedOrCorruptedWorkbookIsAProblemNotAnException()
    {
        var bytes = Written(TestFrameworks.Full()).ToArray();
        var random = new Random(7);

        for (var cut = 100; cut < bytes.Length; cut += bytes.Length / 9)
            Assert.False(FrameworkWorkbook.Read(new MemoryStream(bytes[..cut])).Succeeded);
        for (var i = 0; i < 20; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            for (var j = 0; j < 30; j++)
                corrupted[random.Next(30, corrupted.Length)] ^= (byte)random.Next(1, 256);
            var result = FrameworkWorkbook.Read(new MemoryStream(corrupted));
            Assert.True(result.Succeeded || result.Problems.Count > 0);
        }
    }

    [Theory]
    [InlineData("class <= kha", "class <= kha")]
    [InlineData("Previous.Class<=kha", "previous.class <= kha")]
    [InlineData("class ≥ tot", "class >= tot")]
    [InlineData("rank dropped", "rankDropped")]
    [InlineData("top 1 / 3", "top 1/3")]
    [InlineData("index >= 80", "index >= 80")]
    [InlineData("index < 50.5", "index < 50,5")]
    [InlineData("chỉ số >= 50 và < 70", "index >= 50 and index < 70")]
    [InlineData("class >= kha and <= tot", "class >= kha and class <= tot")]
    public void ConditionsAreReadAndWrittenInTheirTextForm(string text, string canonical)
    {
        var problems = new List<TextProblem>();
        var condition = FrameworkCellText.ParseCondition(text, problems);

        Assert.Empty(problems);
        Assert.Equal(canonical, FrameworkCellText.Condition(condition!));
        Assert.Equal(condition, FrameworkCellText.ParseCondition(canonical, problems));
    }

    [Theory]
    [InlineData("class > kha")]
    [InlineData("index <= 50")]
    [InlineData("index >= tám mươi")]
    [InlineData("class >= tot and index < 3")]
    [InlineData("hạng tăng")]
    public void UnreadableConditionsAreProblems(string text)
    {
        var problems = new List<TextProblem>();

        Assert.Null(FrameworkCellText.ParseCondition(text, problems));
        Assert.NotEmpty(problems);
    }
}
