package dev.sessionconfig.bench.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a benchmark contributes to the summary chart, one bar per row: {@code panel, unit, group, series,
 * value}, tab-separated. Each benchmark writes its own file; {@link SummaryChart} draws them all in one picture.
 */
public final class ChartRows {
  /** One bar: in {@code panel} (measured in {@code unit}), the {@code series} bar of {@code group}. */
  public record Row(String panel, String unit, String group, String series, double value) {}

  private final List<Row> rows = new ArrayList<>();

  public ChartRows add(String panel, String unit, String group, String series, double value) {
    rows.add(new Row(panel, unit, group, series, value));
    return this;
  }

  public void write(Path file) throws IOException {
    StringBuilder tsv = new StringBuilder();
    for (Row row : rows) {
      tsv.append(String.join("\t", row.panel(), row.unit(), row.group(), row.series(),
          String.format(Locale.ROOT, "%.3f", row.value()))).append('\n');
    }
    Files.writeString(file, tsv, StandardCharsets.UTF_8);
  }

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 5) {
        throw new IOException(file + ": expected panel, unit, group, series, value in: " + line);
      }
      rows.add(new Row(cells[0], cells[1], cells[2], cells[3], Double.parseDouble(cells[4])));
    }
    return rows;
  }
}
