package org.safesteps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.safesteps.backup.RestoreCommand;
import org.safesteps.content.ContentCheck;
import org.safesteps.content.ContentSource;

@SpringBootApplication
@EnableScheduling
public class SafeStepsApplication {

	/**
	 * Starts the app; {@code --check-content [folder]} instead checks the content, prints every
	 * problem and the readability report, and exits non-zero when there are errors;
	 * {@code --restore FILE [--force]} restores a backup, with the app stopped (backup/RestoreCommand).
	 */
	public static void main(String[] args) {
		int check = Arrays.asList(args).indexOf("--check-content");
		if (check >= 0) {
			Path dir = Path.of((args.length > check + 1) ? args[check + 1] : "content");
			ContentSource source = Files.isDirectory(dir) ? ContentSource.directory(dir) : ContentSource.classpath("content");
			System.exit(ContentCheck.run(source, System.out, LocalDate.now()));
		}
		if (Arrays.asList(args).contains("--restore")) {
			System.exit(RestoreCommand.run(Arrays.asList(args), System.getenv(), System.out));
		}
		SpringApplication.run(SafeStepsApplication.class, args);
	}

}
