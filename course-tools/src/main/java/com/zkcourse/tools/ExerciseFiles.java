package com.zkcourse.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chapter's exercise files: the starting files made from the solutions, and the reset that puts them back
 * (after a backup of the student's). Needs neither git nor the network.
 */
public final class ExerciseFiles {

    /** Where a reset puts the student's files, inside the chapter; ignored by git. */
    public static final String BACKUPS = ".reset-backups";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private ExerciseFiles() {
    }

    /** Every starting file of the chapter, made now from its solution: file (relative to a root) to content. */
    public static Map<String, String> starters(ExerciseList list) throws IOException {
        Map<String, String> starters = new LinkedHashMap<>();
        for (String name : list.allFiles()) {
            String solution = Files.readString(list.solutions().resolve(name), StandardCharsets.UTF_8);
            starters.put(name, StarterGenerator.starterOf(solution, name));
        }
        return starters;
    }

    /** Writes every starting file under {@code root} (src/exercises, or a temporary directory). */
    public static void writeStarters(ExerciseList list, Path root) throws IOException {
        for (Map.Entry<String, String> starter : starters(list).entrySet()) {
            Path file = root.resolve(starter.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, starter.getValue(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Puts the student's files back to their starting versions. Files that differ from their starting version
     * are first copied, byte for byte, into {@code .reset-backups/<date and time>/} inside the chapter. Only the
     * exercises' own files are touched: never the solutions, never another chapter. Returns what it did, a line
     * each.
     */
    public static List<String> reset(ExerciseList list, LocalDateTime now) throws IOException {
        Map<String, String> starters = starters(list);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> starter : starters.entrySet()) {
            Path file = list.studentFiles().resolve(starter.getKey());
            if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).equals(starter.getValue())) {
                changed.add(starter.getKey());
            }
        }
        List<String> done = new ArrayList<>();
        if (changed.isEmpty()) {
            done.add("your exercise files were the starting ones already: nothing to back up");
        } else {
            Path backup = newBackupDirectory(list.chapter(), now);
            for (String name : changed) {
                Path copy = backup.resolve(name);
                Files.createDirectories(copy.getParent());
                Files.copy(list.studentFiles().resolve(name), copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            done.add("backed up your " + changed.size() + " changed exercise file" + (changed.size() == 1 ? "" : "s")
                    + " to " + list.chapter().toAbsolutePath().normalize().relativize(backup.toAbsolutePath().normalize())
                    + "/ (inside " + list.chapter().getFileName() + ")");
        }
        writeStarters(list, list.studentFiles());
        done.add("put back the starting files of " + list.exercises().size() + " exercises in src/exercises/");
        return done;
    }

    private static Path newBackupDirectory(Path chapter, LocalDateTime now) throws IOException {
        Path backups = chapter.resolve(BACKUPS);
        String stamp = now.format(STAMP);
        Path backup = backups.resolve(stamp);
        for (int n = 2; Files.exists(backup); n++) {
            backup = backups.resolve(stamp + "-" + n); // two resets within a second
        }
        Files.createDirectories(backup);
        return backup;
    }
}
