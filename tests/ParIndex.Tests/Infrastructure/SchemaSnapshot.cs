using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ParIndex.Tests.Infrastructure;

/// <summary>Reads a database's tables, columns (type, nullability) and indexes into comparable lines.</summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DatabaseKind kind, string connectionString)
    {
        var lines = new List<string>();
        if (kind == DatabaseKind.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'", r => r.GetString(0));
            foreach (var table in tables)
            {
                lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                    r => $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
                lines.AddRange(await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'",
                    r => $"index {table}.{r.GetString(0)} unique={r.GetInt64(1)}"));
                lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                    r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} {r.GetString(3)}"));
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            lines.AddRange(await QueryAsync(connection,
                "SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(numeric_precision, 0), coalesce(numeric_scale, 0) FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'",
                r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)},{r.GetInt32(5)},{r.GetInt32(6)}) nullable={r.GetString(4)}"));
            lines.AddRange(await QueryAsync(connection,
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
                r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
            lines.AddRange(await QueryAsync(connection,
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'",
                r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, Func<DbDataReader, string> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
            result.Add(read(reader));
        return result;
    }
}
