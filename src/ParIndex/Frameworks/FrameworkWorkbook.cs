using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Core.Frameworks;
using ParIndex.Data.Tabular;
using static ParIndex.Frameworks.FrameworkCellText;

namespace ParIndex.Frameworks;

/// <summary>
/// The XLSX form of a framework that a Home Affairs officer can edit in Excel or LibreOffice
/// (docs/framework-xlsx.md): sheets "Thông tin", "Tiêu chí" (one row per node), "Xếp loại", "Quy tắc"
/// (one row per rule condition) and "Đối chiếu", with Vietnamese headers (English ones are accepted).
/// Writing then reading gives back an equal framework. Reading never throws for a bad file: every
/// problem names its sheet, row and column, e.g. <c>Tiêu chí!R12 (Điểm tối đa)</c>; whether the framework
/// adds up is left to <see cref="FrameworkValidator"/>, as for JSON.
/// </summary>
public static class FrameworkWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Problem codes of reading a workbook (the validator's are in <see cref="FrameworkProblemCodes"/>).</summary>
    public static class ProblemCodes
    {
        public const string Unreadable = "xlsx-unreadable";
        public const string MissingSheet = "xlsx-missing-sheet";
        public const string MissingColumn = "xlsx-missing-column";
        public const string UnknownColumn = "xlsx-unknown-column";
        public const string DuplicateColumn = "xlsx-duplicate-column";
        public const string BadValue = "xlsx-bad-value";
        public const string DuplicateRow = "xlsx-duplicate-row";
        public const string Conflict = "xlsx-conflicting-value";
        public const string UnknownParent = "xlsx-unknown-parent";
        public const string ParentCycle = "xlsx-parent-cycle";
    }

    private sealed record Col<TKey>(TKey Key, string Vi, string En, double Width, bool IsCode = false, params string[] Aliases)
    {
        public IEnumerable<string> Keys => new[] { Vi, En }.Concat(Aliases).Select(ColumnName.Normalize);
    }

    // ---- sheet layouts -----------------------------------------------------------------------------

    private static readonly string[] InfoSheet = ["Thông tin", "Info", "Information"];
    private static readonly string[] NodeSheet = ["Tiêu chí", "Criteria", "Nodes"];
    private static readonly string[] ClassSheet = ["Xếp loại", "Classes"];
    private static readonly string[] RuleSheet = ["Quy tắc", "Rules"];
    private static readonly string[] CrosswalkSheet = ["Đối chiếu", "Crosswalk"];
    private const string NotesSheet = "Ghi chú";

    private enum InfoCol { Item, Value }

    private static readonly Col<InfoCol>[] InfoColumns =
    [
        new(InfoCol.Item, "Mục", "Item", 24, Aliases: ["field"]),
        new(InfoCol.Value, "Giá trị", "Value", 70),
    ];

    private enum InfoItem { Year, Block, Title, TitleEn }

    private static readonly Col<InfoItem>[] InfoItems =
    [
        new(InfoItem.Year, "Năm", "Year", 0),
        new(InfoItem.Block, "Mã khối", "Block code", 0, Aliases: ["block", "khoi"]),
        new(InfoItem.Title, "Tên bộ tiêu chí", "Title", 0, Aliases: ["ten", "title_vi"]),
        new(InfoItem.TitleEn, "Tên tiếng Anh", "English title", 0, Aliases: ["title_en"]),
    ];

    private static readonly Col<NodeField>[] NodeColumns =
    [
        new(NodeField.Code, "Mã", "Code", 10, IsCode: true),
        new(NodeField.Parent, "Mã cha", "Parent code", 10, IsCode: true, "parent"),
        new(NodeField.Kind, "Loại", "Kind", 13),
        new(NodeField.Title, "Tên", "Title", 60, Aliases: ["ten_tieu_chi", "title_vi"]),
        new(NodeField.TitleEn, "Tên tiếng Anh", "English title", 40, Aliases: ["title_en"]),
        new(NodeField.Max, "Điểm tối đa", "Max points", 11, Aliases: ["max", "maxpoints"]),
        new(NodeField.Method, "Phương pháp", "Method", 12),
        new(NodeField.Step, "Bước điểm", "Step", 10),
        new(NodeField.Levels, "Các mức", "Levels", 50),
        new(NodeField.LevelsEn, "Các mức (tiếng Anh)", "English level labels", 30, Aliases: ["levels_en"]),
        new(NodeField.Numerator, "Nhãn tử số", "Numerator label", 24),
        new(NodeField.Denominator, "Nhãn mẫu số", "Denominator label", 24),
        new(NodeField.Metric, "Chỉ số", "Metric", 26, Aliases: ["survey", "metric_or_survey"]),
        new(NodeField.Mode, "Cách tính", "Points mode", 13, Aliases: ["mode"]),
        new(NodeField.Threshold, "Ngưỡng", "Threshold", 10),
        new(NodeField.Brackets, "Khung điểm", "Brackets", 34),
        new(NodeField.NotApplicable, "Không phát sinh", "Not applicable", 18),
        new(NodeField.Evidence, "Bắt buộc tài liệu kiểm chứng", "Evidence required", 14, Aliases: ["tai_lieu_kiem_chung"]),
        new(NodeField.LeadAgency, "Cơ quan thẩm định", "Lead agency", 14, IsCode: true, "lead_agency_code"),
        new(NodeField.LegalBasis, "Căn cứ pháp lý", "Legal basis", 40),
        new(NodeField.Guidance, "Hướng dẫn", "Guidance", 50, Aliases: ["guidance_vi"]),
        new(NodeField.GuidanceEn, "Hướng dẫn tiếng Anh", "English guidance", 40, Aliases: ["guidance_en"]),
    ];

    private enum ClassCol { Code, Name, NameEn, From, Below, Color }

    private static readonly Col<ClassCol>[] ClassColumns =
    [
        new(ClassCol.Code, "Mã", "Code", 12, IsCode: true),
        new(ClassCol.Name, "Tên", "Name", 20),
        new(ClassCol.NameEn, "Tên tiếng Anh", "English name", 20, Aliases: ["name_en"]),
        new(ClassCol.From, "Từ (≥)", "From (≥)", 10, Aliases: ["min", "min_index"]),
        new(ClassCol.Below, "Đến dưới (<)", "Below (<)", 12, Aliases: ["to", "max", "max_index"]),
        new(ClassCol.Color, "Màu", "Colour", 12, Aliases: ["color"]),
    ];

    private enum RuleCol { Code, Kind, Title, TitleEn, Clause, Description, DescriptionEn, Condition }

    private static readonly Col<RuleCol>[] RuleColumns =
    [
        new(RuleCol.Code, "Mã quy tắc", "Rule code", 14, IsCode: true, "ma", "code"),
        new(RuleCol.Kind, "Loại", "Kind", 14),
        new(RuleCol.Title, "Tên quy tắc", "Rule title", 40, Aliases: ["ten", "title"]),
        new(RuleCol.TitleEn, "Tên tiếng Anh", "English title", 34, Aliases: ["title_en"]),
        new(RuleCol.Clause, "Trường hợp", "Clause", 11, Aliases: ["so_truong_hop", "clause_number"]),
        new(RuleCol.Description, "Mô tả trường hợp", "Clause description", 60, Aliases: ["mo_ta", "description"]),
        new(RuleCol.DescriptionEn, "Mô tả tiếng Anh", "English description", 50, Aliases: ["description_en"]),
        new(RuleCol.Condition, "Điều kiện", "Condition", 30),
    ];

    private enum CrosswalkCol { New, Previous }

    private static readonly Col<CrosswalkCol>[] CrosswalkColumns =
    [
        new(CrosswalkCol.New, "Mã mới", "New code", 14, IsCode: true, "ma"),
        new(CrosswalkCol.Previous, "Mã năm trước", "Previous code", 16, IsCode: true, "ma_cu", "old_code"),
    ];

    // ---- writing -----------------------------------------------------------------------------------

    public static void Write(Stream output, FrameworkDefinition framework)
    {
        var sheets = new List<(XlsxSheet Sheet, double[] Widths, int[] CodeColumns)>
        {
            Sheet(InfoSheet[0], InfoColumns,
            [
                ["Năm", framework.Year],
                ["Mã khối", framework.BlockCode],
                ["Tên bộ tiêu chí", framework.TitleVi],
                ["Tên tiếng Anh", framework.TitleEn],
            ]),
            Sheet(NodeSheet[0], NodeColumns, NodeRows(framework)),
            Sheet(ClassSheet[0], ClassColumns, framework.Classes.Select(c => (IReadOnlyList<XlsxCell>)
                [c.Code, c.NameVi, c.NameEn, XlsxCell.Of(c.MinIndex), XlsxCell.Of(c.MaxIndex), c.Color])),
            Sheet(RuleSheet[0], RuleColumns, RuleRows(framework.Rules)),
            // In the framework's own order, so that a round trip gives back the same JSON too.
            Sheet(CrosswalkSheet[0], CrosswalkColumns, framework.Crosswalk.Select(e => (IReadOnlyList<XlsxCell>)[e.Key, e.Value])),
            (new XlsxSheet(NotesSheet, ["Ghi chú", "Notes"], Notes.Select(n => (IReadOnlyList<XlsxCell>)[n.Vi, n.En])), [90, 90], []),
        };

        using var buffer = new MemoryStream();
        XlsxWriter.Write(buffer, [.. sheets.Select(s => s.Sheet)]);
        Polish(buffer, sheets.Select(s => (s.Widths, s.CodeColumns)).ToList());
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static (XlsxSheet, double[], int[]) Sheet<TKey>(string name, Col<TKey>[] columns, IEnumerable<IReadOnlyList<XlsxCell>> rows) =>
        (new XlsxSheet(name, [.. columns.Select(c => c.Vi)], rows),
         [.. columns.Select(c => c.Width)],
         [.. columns.Select((c, i) => (c, i)).Where(x => x.c.IsCode).Select(x => x.i)]);

    private static IEnumerable<IReadOnlyList<XlsxCell>> NodeRows(FrameworkDefinition framework)
    {
        foreach (var (node, parent) in PreOrder(framework.Nodes, null))
        {
            var fields = NodeFields.From(node, parent);
            var method = node.Method;
            var rule = method switch { RatioMethod r => r.Rule, MetricMethod m => m.Rule, _ => null };
            yield return
            [
                node.Code, parent, fields[NodeField.Kind], node.TitleVi, node.TitleEn, node.MaxPoints,
                fields[NodeField.Method],
                method is ManualMethod { Step: { } step } ? step : "",
                fields[NodeField.Levels], fields[NodeField.LevelsEn], fields[NodeField.Numerator], fields[NodeField.Denominator],
                fields[NodeField.Metric], fields[NodeField.Mode],
                rule?.Threshold is { } threshold ? threshold : "",
                fields[NodeField.Brackets], fields[NodeField.NotApplicable], fields[NodeField.Evidence],
                node.LeadAgencyCode, node.LegalBasis, node.GuidanceVi, node.GuidanceEn,
            ];
        }
    }

    private static IEnumerable<(FrameworkNode Node, string? Parent)> PreOrder(IReadOnlyList<FrameworkNode> nodes, string? parent)
    {
        foreach (var node in nodes)
        {
            yield return (node, parent);
            foreach (var child in PreOrder(node.Children, node.Code))
                yield return child;
        }
    }

    private static IEnumerable<IReadOnlyList<XlsxCell>> RuleRows(IReadOnlyList<OutcomeRule> rules)
    {
        foreach (var rule in rules)
        {
            IReadOnlyList<XlsxCell> Row(XlsxCell clause, string? description, string? descriptionEn, string? condition) =>
                [rule.Code, OutcomeKind(rule.Kind), rule.TitleVi, rule.TitleEn, clause, description, descriptionEn, condition];

            if (rule.AnyOf.Count == 0)
                yield return Row("", null, null, null);
            for (var c = 0; c < rule.AnyOf.Count; c++)
            {
                var clause = rule.AnyOf[c];
                if (clause.AllOf.Count == 0)
                    yield return Row(c + 1, clause.DescriptionVi, clause.DescriptionEn, null);
                foreach (var condition in clause.AllOf)
                    yield return Row(c + 1, clause.DescriptionVi, clause.DescriptionEn, Condition(condition));
            }
        }
    }

    /// <summary>
    /// Column widths, and the Text number format on code columns: typed into a General cell, Excel turns
    /// the code 3.10 into the number 3.1; in a Text cell it stays 3.10.
    /// </summary>
    private static void Polish(MemoryStream workbook, IReadOnlyList<(double[] Widths, int[] CodeColumns)> layouts)
    {
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, isEditable: true);
        var part = document.WorkbookPart!;
        var stylesheet = part.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!;
        formats.Append(new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true });
        var textStyle = (uint)formats.ChildElements.Count - 1;
        formats.Count = (uint)formats.ChildElements.Count;
        stylesheet.Save();

        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        for (var s = 0; s < sheets.Count && s < layouts.Count; s++)
        {
            var (widths, codeColumns) = layouts[s];
            var worksheet = ((WorksheetPart)part.GetPartById(sheets[s].Id!)).Worksheet;
            var columns = new Columns();
            for (var i = 0; i < widths.Length; i++)
            {
                var column = new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true };
                if (codeColumns.Contains(i))
                    column.Style = textStyle;
                columns.Append(column);
            }
            var data = worksheet.GetFirstChild<SheetData>()!;
            worksheet.InsertBefore(columns, data);
            foreach (var row in data.Elements<Row>().Skip(1))
            {
                var cells = row.Elements<Cell>().ToList();
                foreach (var index in codeColumns.Where(i => i < cells.Count))
                    cells[index].StyleIndex = textStyle;
            }
            worksheet.Save();
        }
    }

    private static readonly (string Vi, string En)[] Notes =
    [
        ("Trang «Tiêu chí»: mỗi dòng là một nút; «Mã cha» để trống với lĩnh vực và điểm thưởng/trừ cấp cao nhất. Thứ tự các dòng là thứ tự hiển thị.",
         "Sheet “Tiêu chí” (criteria): one row per node; leave “Mã cha” (parent) empty for fields and top-level bonus/penalty items. Row order is display order."),
        ($"Loại: {KindChoices}. Phương pháp: {MethodChoices}. Cách tính: {ModeChoices}. Không phát sinh: {NotApplicableChoices}.",
         $"Kind: {KindChoicesEn}. Method: {MethodChoices}. Points mode: {ModeChoices}. Not applicable: {NotApplicableChoices}."),
        ("Số thập phân viết bằng dấu phẩy hoặc dấu chấm: 0,5 hay 0.5.", "Decimals take a comma or a point: 0,5 or 0.5."),
        ("Các mức: A=Hoàn thành 100 %:1 | B=Từ 80 % đến dưới 100 %:0,5 | C=Dưới 80 %:0 (mã=tên mức:điểm, ngăn cách bằng | hoặc xuống dòng).",
         "Levels: A=Plan fully done:1 | B=80 % to below 100 %:0.5 | C=Below 80 %:0 (code=label:points, separated by | or line breaks)."),
        ("Khung điểm: [80;100):1 | [50;80):0,5 | [;50):0 — từ (gồm) ; đến (không gồm) : điểm; để trống cận là không giới hạn.",
         "Brackets: [80;100):1 | [50;80):0.5 | [;50):0 — from (included) ; to (excluded) : points; an empty bound is open."),
        ("Trang «Quy tắc»: mỗi dòng là một điều kiện; các điều kiện cùng «Trường hợp» phải đồng thời thỏa mãn, quy tắc áp dụng khi một trường hợp thỏa mãn.",
         "Sheet “Quy tắc” (rules): one row per condition; the conditions of one clause must all hold, and a rule applies when any clause holds."),
        ("Điều kiện: class <= kha · previous.class <= kha · class >= tot · rankDropped · top 1/3 · index >= 80 · index < 50 · index >= 50 and index < 70.",
         "Conditions: class <= kha · previous.class <= kha · class >= tot · rankDropped · top 1/3 · index >= 80 · index < 50 · index >= 50 and index < 70."),
        ("Trang «Đối chiếu»: mã năm nay → mã năm trước của tiêu chí đổi mã, để so sánh kết quả qua các năm.",
         "Sheet “Đối chiếu” (crosswalk): this year's code → last year's code for renumbered nodes, so results stay comparable."),
        ("Hướng dẫn đầy đủ: docs/framework-xlsx.md.", "Full description: docs/framework-xlsx.md."),
    ];

    // ---- reading -----------------------------------------------------------------------------------

    public static FrameworkResult Read(Stream input)
    {
        var file = WorkbookSheets.Read(input);
        if (!file.Succeeded)
            return FrameworkResult.Failure([new FrameworkProblem("file", ProblemCodes.Unreadable, file.ErrorVi!, file.ErrorEn!)]);
        var reader = new Reader();
        var framework = reader.Read(file);
        return reader.Problems.Count > 0 || framework is null
            ? FrameworkResult.Failure(reader.Problems.Count > 0 ? reader.Problems
                : [new FrameworkProblem("file", ProblemCodes.Unreadable, "Không đọc được bộ tiêu chí từ tệp.", "No framework could be read from the file.")])
            : FrameworkResult.Success(framework);
    }

    private sealed class Reader
    {
        public List<FrameworkProblem> Problems { get; } = [];

        /// <summary>Where a value sits: the sheet, the row and the column (as headed in the file, or the standard header when the column is absent).</summary>
        private sealed record At(WorkbookSheet Sheet, int Row, SheetColumn? Column, string Header)
        {
            public string Path => $"{Sheet.Name}!R{Row} ({Header})";
            public string Vi => Column is null ? $"Trang «{Sheet.Name}», dòng {Row} ({Header})" : $"Trang «{Sheet.Name}», dòng {Row}, cột {Column.Letter} ({Header})";
            public string En => Column is null ? $"Sheet “{Sheet.Name}”, row {Row} ({Header})" : $"Sheet “{Sheet.Name}”, row {Row}, column {Column.Letter} ({Header})";
        }

        private void Add(At at, string code, string vi, string en, string? nodeCode = null) =>
            Problems.Add(new FrameworkProblem(at.Path, code, $"{at.Vi}: {vi}", $"{at.En}: {en}") { NodeCode = nodeCode });

        public FrameworkDefinition? Read(WorkbookSheets.Result file)
        {
            var info = Require(file, InfoSheet);
            var nodesSheet = Require(file, NodeSheet);
            if (info is null || nodesSheet is null)
                return null;

            var (year, block, title, titleEn) = ReadInfo(info);
            var nodes = ReadNodes(nodesSheet);
            var classesSheet = file.Find(ClassSheet);
            var rulesSheet = file.Find(RuleSheet);
            var crosswalkSheet = file.Find(CrosswalkSheet);
            // A missing sheet means the default, as a missing JSON property does; an empty sheet means none.
            var classes = classesSheet is null ? ClassBand.Default : ReadClasses(classesSheet);
            var rules = rulesSheet is null ? OutcomeRule.HcmcDefault : ReadRules(rulesSheet);
            var crosswalk = crosswalkSheet is null ? new Dictionary<string, string>() : ReadCrosswalk(crosswalkSheet);
            if (Problems.Count > 0 || year is null)
                return null;
            return new FrameworkDefinition
            {
                Year = year.Value, BlockCode = block ?? "", TitleVi = title ?? "", TitleEn = titleEn,
                Nodes = nodes, Classes = classes, Rules = rules, Crosswalk = crosswalk,
            };
        }

        private WorkbookSheet? Require(WorkbookSheets.Result file, string[] names)
        {
            if (file.Find(names) is { } sheet)
                return sheet;
            Problems.Add(new FrameworkProblem(names[0], ProblemCodes.MissingSheet,
                $"Tệp không có trang «{names[0]}» (hoặc «{names[1]}»)", $"The file has no sheet “{names[0]}” (or “{names[1]}”)"));
            return null;
        }

        /// <summary>Maps the sheet's headers to known columns; an unknown header is a problem, not a column silently ignored.</summary>
        private Dictionary<TKey, SheetColumn>? Columns<TKey>(WorkbookSheet sheet, Col<TKey>[] known, params TKey[] required) where TKey : notnull
        {
            var map = new Dictionary<TKey, SheetColumn>();
            var row = Math.Max(sheet.HeaderRow, 1);
            foreach (var column in sheet.Columns)
            {
                var match = known.FirstOrDefault(k => k.Keys.Contains(column.Key));
                var at = new At(sheet, row, column, column.Header);
                if (match is null)
                    Add(at, ProblemCodes.UnknownColumn,
                        $"không biết cột «{column.Header}»; các cột của trang này: {string.Join(", ", known.Select(k => k.Vi))}",
                        $"unknown column “{column.Header}”; this sheet's columns are: {string.Join(", ", known.Select(k => k.En))}");
                else if (!map.TryAdd(match.Key, column))
                    Add(at, ProblemCodes.DuplicateColumn, $"cột «{match.Vi}» có hai lần (cột {map[match.Key].Letter} và {column.Letter})",
                        $"the column “{match.En}” appears twice (columns {map[match.Key].Letter} and {column.Letter})");
            }
            var missing = required.Where(r => !map.ContainsKey(r)).Select(r => known.First(k => Equals(k.Key, r))).ToList();
            foreach (var column in missing)
                Problems.Add(new FrameworkProblem($"{sheet.Name}!R{row}", ProblemCodes.MissingColumn,
                    $"Trang «{sheet.Name}», dòng tiêu đề {row}: thiếu cột «{column.Vi}»", $"Sheet “{sheet.Name}”, header row {row}: the column “{column.En}” is missing"));
            return missing.Count == 0 ? map : null;
        }

        private static string? Cell<TKey>(SheetRow row, Dictionary<TKey, SheetColumn> map, TKey key) where TKey : notnull =>
            map.TryGetValue(key, out var column) ? row[column.Index] : null;

        private static At AtCell<TKey>(WorkbookSheet sheet, SheetRow row, Dictionary<TKey, SheetColumn> map, Col<TKey>[] known, TKey key) where TKey : notnull =>
            map.TryGetValue(key, out var column)
                ? new At(sheet, row.Number, column, column.Header)
                : new At(sheet, row.Number, null, known.First(k => Equals(k.Key, key)).Vi);

        private (int? Year, string? Block, string? Title, string? TitleEn) ReadInfo(WorkbookSheet sheet)
        {
            var map = Columns(sheet, InfoColumns, InfoCol.Item, InfoCol.Value);
            if (map is null)
                return default;
            var values = new Dictionary<InfoItem, (string? Value, SheetRow Row)>();
            foreach (var row in sheet.Rows)
            {
                var itemText = Cell(row, map, InfoCol.Item);
                var at = AtCell(sheet, row, map, InfoColumns, InfoCol.Item);
                var item = itemText is null ? null : InfoItems.FirstOrDefault(i => i.Keys.Contains(ColumnName.Normalize(itemText)));
                if (item is null)
                    Add(at, ProblemCodes.BadValue, $"không biết mục «{itemText}»; các mục: {string.Join(", ", InfoItems.Select(i => i.Vi))}",
                        $"unknown item “{itemText}”; the items are: {string.Join(", ", InfoItems.Select(i => i.En))}");
                else if (!values.TryAdd(item.Key, (Cell(row, map, InfoCol.Value), row)))
                    Add(at, ProblemCodes.DuplicateRow, $"mục «{item.Vi}» có hai lần", $"the item “{item.En}” appears twice");
            }

            int? year = null;
            if (!values.TryGetValue(InfoItem.Year, out var yearCell) || yearCell.Value is null)
                Problems.Add(new FrameworkProblem($"{sheet.Name}!R{(yearCell.Row?.Number ?? sheet.HeaderRow + 1)} (Năm)", ProblemCodes.BadValue,
                    $"Trang «{sheet.Name}»: chưa có năm của bộ tiêu chí (dòng «Năm»)", $"Sheet “{sheet.Name}”: the framework's year is missing (row “Năm”/“Year”)"));
            else if (Cells.TryInt(yearCell.Value, out var y) && y is >= 2000 and <= 2200)
                year = y;
            else
                Add(AtCell(sheet, yearCell.Row, map, InfoColumns, InfoCol.Value), ProblemCodes.BadValue,
                    $"năm «{yearCell.Value}» không hợp lệ", $"the year “{yearCell.Value}” is not valid");
            return (year, values.GetValueOrDefault(InfoItem.Block).Value, values.GetValueOrDefault(InfoItem.Title).Value, values.GetValueOrDefault(InfoItem.TitleEn).Value);
        }

        private sealed record NodeEntry(FrameworkNode Node, string? Parent, SheetRow Row);

        private List<FrameworkNode> ReadNodes(WorkbookSheet sheet)
        {
            var map = Columns(sheet, NodeColumns, NodeField.Code, NodeField.Kind, NodeField.Title, NodeField.Max);
            if (map is null)
                return [];
            var entries = new List<NodeEntry>();
            var byCode = new Dictionary<string, NodeEntry>(StringComparer.Ordinal);
            var rowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in sheet.Rows)
            {
                var fields = new NodeFields();
                foreach (var (field, column) in map)
                    fields[field] = row[column.Index];
                var problems = new List<NodeFieldProblem>();
                var node = fields.ToNode(problems);
                var code = fields[NodeField.Code];
                foreach (var problem in problems)
                    Add(AtCell(sheet, row, map, NodeColumns, problem.Field), ProblemCodes.BadValue, problem.Vi, problem.En, code);
                if (code is not null && !rowOfCode.TryAdd(code, row.Number))
                {
                    Add(AtCell(sheet, row, map, NodeColumns, NodeField.Code), FrameworkProblemCodes.DuplicateCode,
                        $"mã {code} bị trùng với dòng {rowOfCode[code]}", $"the code {code} is also used on row {rowOfCode[code]}", code);
                    continue;
                }
                if (node is null)
                    continue;
                var entry = new NodeEntry(node, fields[NodeField.Parent], row);
                byCode[node.Code] = entry;
                entries.Add(entry);
            }

            var children = entries.ToLookup(e => e.Parent, StringComparer.Ordinal);
            // A parent whose own row has problems is not "unknown": its row's problems are reported already.
            foreach (var entry in entries.Where(e => e.Parent is not null && !rowOfCode.ContainsKey(e.Parent)))
                Add(AtCell(sheet, entry.Row, map, NodeColumns, NodeField.Parent), ProblemCodes.UnknownParent,
                    $"không có tiêu chí nào mang mã cha «{entry.Parent}»", $"no node has the parent code “{entry.Parent}”", entry.Node.Code);

            var placed = new HashSet<string>(StringComparer.Ordinal);
            List<FrameworkNode> Build(string? parent) =>
                [.. children[parent].Where(e => placed.Add(e.Node.Code)).Select(e => e.Node with { Children = Build(e.Node.Code) })];
            var top = Build(null);

            // Rows whose parent chain loops never hang from the top level.
            foreach (var entry in entries.Where(e => !placed.Contains(e.Node.Code) && InLoop(e)))
                Add(AtCell(sheet, entry.Row, map, NodeColumns, NodeField.Parent), ProblemCodes.ParentCycle,
                    $"mã cha «{entry.Parent}» tạo thành vòng lặp (tiêu chí là cha của chính nó)", $"the parent code “{entry.Parent}” makes a loop (the node is its own ancestor)", entry.Node.Code);
            return top;

            bool InLoop(NodeEntry entry)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var parent = entry.Parent; parent is not null && byCode.TryGetValue(parent, out var up); parent = up.Parent)
                {
                    if (parent == entry.Node.Code)
                        return true;
                    if (!seen.Add(parent))
                        return false; // a loop above this node, reported on its own rows
                }
                return false;
            }
        }

        private List<ClassBand> ReadClasses(WorkbookSheet sheet)
        {
            var map = Columns(sheet, ClassColumns, ClassCol.Code, ClassCol.Name);
            if (map is null)
                return [];
            var classes = new List<ClassBand>();
            foreach (var row in sheet.Rows)
            {
                var code = Cell(row, map, ClassCol.Code);
                var name = Cell(row, map, ClassCol.Name);
                var before = Problems.Count;
                if (code is null)
                    Add(AtCell(sheet, row, map, ClassColumns, ClassCol.Code), ProblemCodes.BadValue, "chưa có mã xếp loại (ví dụ tot, kha)", "the class code is missing (e.g. tot, kha)");
                if (name is null)
                    Add(AtCell(sheet, row, map, ClassColumns, ClassCol.Name), ProblemCodes.BadValue, "chưa có tên xếp loại", "the class name is missing");
                var from = Number(sheet, row, map, ClassColumns, ClassCol.From, "cận dưới", "the lower bound");
                var below = Number(sheet, row, map, ClassColumns, ClassCol.Below, "cận trên", "the upper bound");
                if (Problems.Count > before)
                    continue;
                classes.Add(new ClassBand
                {
                    Code = code!, NameVi = name!, NameEn = Cell(row, map, ClassCol.NameEn), MinIndex = from, MaxIndex = below,
                    Color = Cell(row, map, ClassCol.Color) ?? "neutral",
                });
            }
            return classes;
        }

        private decimal? Number<TKey>(WorkbookSheet sheet, SheetRow row, Dictionary<TKey, SheetColumn> map, Col<TKey>[] known, TKey key, string vi, string en) where TKey : notnull
        {
            var text = Cell(row, map, key);
            if (text is null)
                return null;
            if (TryNumber(text, out var value))
                return value;
            Add(AtCell(sheet, row, map, known, key), ProblemCodes.BadValue, $"{vi} «{text}» không phải là số", $"{en} “{text}” is not a number");
            return null;
        }

        private sealed class RuleDraft(string code, SheetRow row)
        {
            public string Code { get; } = code;
            public SheetRow Row { get; } = row;
            public OutcomeKind? Kind { get; set; }
            public string? Title { get; set; }
            public string? TitleEn { get; set; }
            public List<(int Number, ClauseDraft Clause)> Clauses { get; } = [];
        }

        private sealed class ClauseDraft(SheetRow row)
        {
            public SheetRow Row { get; } = row;
            public string? Description { get; set; }
            public string? DescriptionEn { get; set; }
            public List<RuleCondition> Conditions { get; } = [];
        }

        private List<OutcomeRule> ReadRules(WorkbookSheet sheet)
        {
            var map = Columns(sheet, RuleColumns, RuleCol.Code, RuleCol.Kind, RuleCol.Title, RuleCol.Clause, RuleCol.Description, RuleCol.Condition);
            if (map is null)
                return [];
            var drafts = new List<RuleDraft>();
            foreach (var row in sheet.Rows)
            {
                At At(RuleCol key) => AtCell(sheet, row, map, RuleColumns, key);
                var code = Cell(row, map, RuleCol.Code);
                if (code is null)
                {
                    Add(At(RuleCol.Code), ProblemCodes.BadValue, "chưa có mã quy tắc", "the rule code is missing");
                    continue;
                }
                var rule = drafts.FirstOrDefault(r => r.Code == code);
                if (rule is null)
                    drafts.Add(rule = new RuleDraft(code, row));

                if (Cell(row, map, RuleCol.Kind) is { } kindText)
                {
                    if (ParseOutcomeKind(kindText) is not { } kind)
                        Add(At(RuleCol.Kind), ProblemCodes.BadValue, $"loại «{kindText}» không hợp lệ; ghi «khen thưởng» hoặc «kỷ luật»", $"the kind “{kindText}” is not valid; write reward or discipline");
                    else
                        rule.Kind = Agree(rule.Kind, kind, At(RuleCol.Kind), $"quy tắc {code}");
                }
                rule.Title = Agree(rule.Title, Cell(row, map, RuleCol.Title), At(RuleCol.Title), $"quy tắc {code}");
                rule.TitleEn = Agree(rule.TitleEn, Cell(row, map, RuleCol.TitleEn), At(RuleCol.TitleEn), $"quy tắc {code}");

                var clauseText = Cell(row, map, RuleCol.Clause);
                var condition = Cell(row, map, RuleCol.Condition);
                var description = Cell(row, map, RuleCol.Description);
                // A row with only the rule's own columns stands for a rule without clauses.
                if (clauseText is null && condition is null && description is null && Cell(row, map, RuleCol.DescriptionEn) is null)
                    continue;
                var number = 1;
                if (clauseText is not null && (!Cells.TryInt(clauseText, out number) || number < 1))
                {
                    Add(At(RuleCol.Clause), ProblemCodes.BadValue, $"số trường hợp «{clauseText}» phải là số nguyên dương (1, 2, …)", $"the clause number “{clauseText}” must be a positive whole number (1, 2, …)");
                    continue;
                }
                var clause = rule.Clauses.FirstOrDefault(c => c.Number == number).Clause;
                if (clause is null)
                    rule.Clauses.Add((number, clause = new ClauseDraft(row)));
                clause.Description = Agree(clause.Description, description, At(RuleCol.Description), $"trường hợp {number} của quy tắc {code}");
                clause.DescriptionEn = Agree(clause.DescriptionEn, Cell(row, map, RuleCol.DescriptionEn), At(RuleCol.DescriptionEn), $"trường hợp {number} của quy tắc {code}");
                if (condition is null)
                    continue;
                var textProblems = new List<TextProblem>();
                if (ParseCondition(condition, textProblems) is { } parsed)
                    clause.Conditions.Add(parsed);
                foreach (var problem in textProblems)
                    Add(At(RuleCol.Condition), ProblemCodes.BadValue, problem.Vi, problem.En);
            }

            var rules = new List<OutcomeRule>();
            foreach (var draft in drafts)
            {
                var at = AtCell(sheet, draft.Row, map, RuleColumns, RuleCol.Kind);
                if (draft.Kind is null)
                    Add(at, ProblemCodes.BadValue, $"quy tắc {draft.Code} chưa có loại (khen thưởng hoặc kỷ luật)", $"the rule {draft.Code} has no kind (reward or discipline)");
                if (draft.Title is null)
                    Add(AtCell(sheet, draft.Row, map, RuleColumns, RuleCol.Title), ProblemCodes.BadValue, $"quy tắc {draft.Code} chưa có tên", $"the rule {draft.Code} has no title");
                foreach (var (number, clause) in draft.Clauses.Where(c => c.Clause.Description is null))
                    Add(AtCell(sheet, clause.Row, map, RuleColumns, RuleCol.Description), ProblemCodes.BadValue,
                        $"trường hợp {number} của quy tắc {draft.Code} chưa có mô tả", $"clause {number} of the rule {draft.Code} has no description");
                if (draft.Kind is null || draft.Title is null || draft.Clauses.Any(c => c.Clause.Description is null))
                    continue;
                rules.Add(new OutcomeRule
                {
                    Code = draft.Code, Kind = draft.Kind.Value, TitleVi = draft.Title, TitleEn = draft.TitleEn,
                    AnyOf = [.. draft.Clauses.Select(c => new RuleClause { DescriptionVi = c.Clause.Description!, DescriptionEn = c.Clause.DescriptionEn, AllOf = c.Clause.Conditions })],
                });
            }
            return rules;
        }

        /// <summary>A value repeated on a rule's later rows may be left empty; when given it must be the same.</summary>
        private T? Agree<T>(T? established, T? value, At at, string owner)
        {
            if (value is null || established is null || Equals(established, value))
                return established ?? value;
            Add(at, ProblemCodes.Conflict, $"{owner} đã ghi «{established}» ở dòng trên, dòng này ghi «{value}»",
                $"{owner} reads “{established}” on an earlier row and “{value}” on this one");
            return established;
        }

        private Dictionary<string, string> ReadCrosswalk(WorkbookSheet sheet)
        {
            var map = Columns(sheet, CrosswalkColumns, CrosswalkCol.New, CrosswalkCol.Previous);
            var crosswalk = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map is null)
                return crosswalk;
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in sheet.Rows)
            {
                var code = Cell(row, map, CrosswalkCol.New);
                var at = AtCell(sheet, row, map, CrosswalkColumns, CrosswalkCol.New);
                if (code is null)
                    Add(at, ProblemCodes.BadValue, "chưa có mã mới", "the new code is missing");
                else if (rows.TryGetValue(code, out var first))
                    Add(at, ProblemCodes.DuplicateRow, $"mã {code} đã có ở dòng {first}", $"the code {code} is already on row {first}", code);
                else
                {
                    rows[code] = row.Number;
                    // An empty previous code is kept so that the validator names it (crosswalk-empty-target).
                    crosswalk[code] = Cell(row, map, CrosswalkCol.Previous) ?? "";
                }
            }
            return crosswalk;
        }
    }
}
