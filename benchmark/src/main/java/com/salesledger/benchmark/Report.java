package com.salesledger.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The benchmark's figures, each with its limit or goal, as Markdown and as a PNG bar chart. */
final class Report {

  /**
   * One figure. {@code ratio} is figure / limit (throughput) or goal / figure (latency, memory), so
   * 1.0 means "at the limit or goal" and the goal ratio is what the issue asks for.
   */
  record Line(String what, String figure, String limit, double ratio, double goal, String note) {
    boolean met() {
      return Double.isNaN(goal) || ratio >= goal;
    }
  }

  private final List<String> context = new ArrayList<>();
  private final List<Line> lines = new ArrayList<>();

  void context(String text) {
    context.add(text);
    System.out.println(text);
  }

  void add(Line line) {
    lines.add(line);
    System.out.printf(
        Locale.ROOT,
        "%-58s %18s  limit %-22s ratio %5.2f%s%n",
        line.what(),
        line.figure(),
        line.limit(),
        line.ratio(),
        Double.isNaN(line.goal())
            ? ""
            : String.format(
                Locale.ROOT, "  goal >= %.2f %s", line.goal(), line.met() ? "MET" : "MISSED"));
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder("# Benchmark report\n\n");
    for (String c : context) {
      md.append("- ").append(c).append('\n');
    }
    md.append("\n| measurement | figure | limit (same run) or goal | ratio | goal ratio | met |\n");
    md.append("|---|---:|---|---:|---:|---|\n");
    for (Line l : lines) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.2f | %s | %s |%n",
              l.what(),
              l.figure(),
              l.limit(),
              l.ratio(),
              Double.isNaN(l.goal()) ? "" : String.format(Locale.ROOT, "%.2f", l.goal()),
              Double.isNaN(l.goal()) ? "" : l.met() ? "yes" : "**no**" + note(l)));
    }
    md.append("\n![ratios](benchmark.png)\n");
    Files.writeString(dir.resolve("REPORT.md"), md);
    ImageIO.write(chart(), "png", dir.resolve("benchmark.png").toFile());
  }

  private static String note(Line l) {
    return l.note() == null || l.note().isEmpty() ? "" : " (" + l.note() + ")";
  }

  private BufferedImage chart() {
    int rowHeight = 26;
    int width = 1100;
    int left = 470;
    int height = 60 + rowHeight * lines.size();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double max = 2.0;
    int barWidth = width - left - 40;
    g.setColor(Color.DARK_GRAY);
    g.drawString(
        "ratio to the limit measured in the same run (latency, memory: goal / figure)", left, 20);
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      int y = 40 + i * rowHeight;
      g.setColor(Color.BLACK);
      String label = l.what().length() > 70 ? l.what().substring(0, 70) : l.what();
      g.drawString(label, 10, y + 15);
      double ratio = Double.isNaN(l.ratio()) ? 0 : Math.min(l.ratio(), max);
      g.setColor(l.met() ? new Color(70, 140, 90) : new Color(200, 80, 60));
      g.fillRect(left, y + 3, (int) (barWidth * ratio / max), rowHeight - 8);
      g.setColor(Color.BLACK);
      g.drawString(
          String.format(Locale.ROOT, "%.2f", l.ratio()),
          left + 4 + (int) (barWidth * ratio / max),
          y + 15);
      if (!Double.isNaN(l.goal())) {
        int gx = left + (int) (barWidth * Math.min(l.goal(), max) / max);
        g.setColor(Color.BLUE);
        g.setStroke(new BasicStroke(2));
        g.drawLine(gx, y + 1, gx, y + rowHeight - 3);
      }
    }
    g.dispose();
    return image;
  }
}
