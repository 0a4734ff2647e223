package dev.sessionconfig.bench.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws every benchmark's {@link ChartRows} as one SVG picture: a grid of grouped bar charts, one panel per
 * comparison, each on its own scale, with this project's bars in one colour throughout.
 *
 * <p>Usage: {@code SummaryChart <svgOut> <rows.tsv>...}; files that do not exist (a skipped benchmark) are left out.
 */
public final class SummaryChart {
  private static final int COLUMNS = 2;
  private static final int PANEL_WIDTH = 440;
  private static final int PANEL_HEIGHT = 250;
  private static final int PLOT_TOP = 48;
  private static final int PLOT_HEIGHT = 150;
  /** The tallest bar's share of the plot: the rest is room for its value above it. */
  private static final double HEADROOM = 0.88;
  private static final int LEGEND_HEIGHT = 30;
  /** Each further line of the legend, when the series do not fit on one. */
  private static final int LEGEND_LINE = 18;
  /** This project's bars stand out; the tools compared against and the baselines are muted. */
  private static final String OURS = "#d9534f";
  private static final String[] OTHERS = {"#5b8def", "#9aa5b1", "#6cc070", "#f0ad4e", "#9b6fd1", "#3bb3b3", "#a0785a", "#e377c2"};

  private SummaryChart() {}

  public static void main(String[] args) throws IOException {
    List<ChartRows.Row> rows = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path file = Path.of(args[i]);
      if (Files.exists(file)) {
        rows.addAll(ChartRows.read(file));
      }
    }
    Files.writeString(Path.of(args[0]), svg(rows), StandardCharsets.UTF_8);
  }

  static String svg(List<ChartRows.Row> rows) {
    Map<String, List<ChartRows.Row>> panels = new LinkedHashMap<>();
    Set<String> series = new LinkedHashSet<>();
    for (ChartRows.Row row : rows) {
      panels.computeIfAbsent(row.panel(), panel -> new ArrayList<>()).add(row);
      series.add(row.series());
    }
    Map<String, String> colours = colours(series);
    int panelRows = (panels.size() + COLUMNS - 1) / COLUMNS;
    int width = COLUMNS * PANEL_WIDTH;
    int height = panelRows * PANEL_HEIGHT + LEGEND_HEIGHT + LEGEND_LINE * (legend(null, 0, width, colours) - 1);
    StringBuilder svg = new StringBuilder();
    svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
        + " font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
    int index = 0;
    for (Map.Entry<String, List<ChartRows.Row>> panel : panels.entrySet()) {
      panel(svg, (index % COLUMNS) * PANEL_WIDTH, (index / COLUMNS) * PANEL_HEIGHT, panel.getKey(), panel.getValue(),
          colours);
      index++;
    }
    legend(svg, panelRows * PANEL_HEIGHT + 8, width, colours);
    return svg.append("</svg>\n").toString();
  }

  private static Map<String, String> colours(Set<String> series) {
    Map<String, String> colours = new LinkedHashMap<>();
    int other = 0;
    for (String name : series) {
      colours.put(name, name.equals("sessionconfig") ? OURS : OTHERS[other++ % OTHERS.length]);
    }
    return colours;
  }

  private static void panel(StringBuilder svg, int x, int y, String title, List<ChartRows.Row> rows,
      Map<String, String> colours) {
    Map<String, List<ChartRows.Row>> groups = new LinkedHashMap<>();
    double max = 0;
    for (ChartRows.Row row : rows) {
      groups.computeIfAbsent(row.group(), group -> new ArrayList<>()).add(row);
      max = Math.max(max, row.value());
    }
    svg.append(format("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", x + 16, y + 22,
        escape(title)));
    svg.append(format("<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n", x + 16, y + 38, escape(rows.get(0).unit())));
    int left = x + 24;
    int bottom = y + PLOT_TOP + PLOT_HEIGHT;
    int plotWidth = PANEL_WIDTH - 48;
    svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, bottom,
        left + plotWidth, bottom));
    int groupWidth = plotWidth / groups.size();
    int group = 0;
    for (Map.Entry<String, List<ChartRows.Row>> bars : groups.entrySet()) {
      int groupLeft = left + group * groupWidth;
      int barWidth = Math.min(60, (groupWidth - 16) / bars.getValue().size());
      int barsLeft = groupLeft + (groupWidth - barWidth * bars.getValue().size()) / 2;
      for (int i = 0; i < bars.getValue().size(); i++) {
        ChartRows.Row bar = bars.getValue().get(i);
        int barHeight = max == 0 ? 0 : (int) Math.round(bar.value() / max * PLOT_HEIGHT * HEADROOM);
        int barX = barsLeft + i * barWidth;
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>%n",
            barX + 2, bottom - barHeight, barWidth - 4, barHeight, colours.get(bar.series()), escape(bar.series()),
            number(bar.value())));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", barX + barWidth / 2,
            bottom - barHeight - 4, number(bar.value())));
      }
      svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", groupLeft + groupWidth / 2,
          bottom + 16, escape(bars.getKey())));
      group++;
    }
  }

  /**
   * One entry per series, on as many lines as the picture's width needs; draws into {@code svg} unless it is null,
   * and answers the number of lines.
   */
  private static int legend(StringBuilder svg, int y, int width, Map<String, String> colours) {
    int x = 16;
    int lines = 1;
    for (Map.Entry<String, String> entry : colours.entrySet()) {
      int entryWidth = 28 + 7 * entry.getKey().length();
      if (x > 16 && x + entryWidth - 12 > width) {
        x = 16;
        y += LEGEND_LINE;
        lines++;
      }
      if (svg != null) {
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
            x, y, entry.getValue(), x + 16, y + 10, escape(entry.getKey())));
      }
      x += entryWidth;
    }
    return lines;
  }

  /** Three significant figures at most, without a useless fraction: 12647, 9.63, 0.41. */
  static String number(double value) {
    if (value >= 100) {
      return format("%.0f", value);
    }
    return value >= 10 ? format("%.1f", value) : format("%.2f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
