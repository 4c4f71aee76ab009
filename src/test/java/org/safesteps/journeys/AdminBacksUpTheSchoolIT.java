package org.safesteps.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;

import org.safesteps.account.AccountStore;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin goes from their classes to "Data and backups", reads where a backup must be kept, and
 * downloads a backup of the whole school: one .tar.gz with a manifest and every collection.
 */
class AdminBacksUpTheSchoolIT extends JourneyTest {

	private Axe axe;

	@BeforeAll
	void axeInEveryPage() {
		this.axe = Axe.inEveryPage(this.driver);
	}

	@Autowired
	AccountStore accounts;

	@TempDir
	Path downloads;

	@Test
	void anAdminDownloadsABackupFromTheDataPage() throws Exception {
		((HasCdp) this.driver).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
		String email = "head-" + UUID.randomUUID() + "@school.example";
		this.accounts.create(email, "Head Teacher", "a long admin passphrase", true);
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long admin passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");

		find(By.linkText("Data and backups")).click();
		assertThat(heading()).isEqualTo("Data and backups");
		assertThat(find(By.tagName("main")).getText()).contains("children's data")
			.contains("school's own protected storage")
			.contains("mongodump");
		assertThat(this.axe.violations(this.driver)).isEmpty();

		find(By.id("download-backup")).click();
		Path file = waitUpTo(Duration.ofSeconds(60)).until((driver) -> finished(this.downloads));
		assertThat(file.getFileName().toString()).matches("safesteps-backup-\\d{8}-\\d{6}Z\\.tar\\.gz");
		Document manifest = manifest(file);
		assertThat(manifest.getString("format")).isEqualTo("safesteps-backup");
		assertThat(manifest.getList("collections", Document.class)).extracting((entry) -> entry.getString("name"))
			.contains("accounts");
		// the page is still there: a download does not navigate away
		assertThat(heading()).isEqualTo("Data and backups");
	}

	private static Path finished(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> done = files.filter((f) -> f.getFileName().toString().endsWith(".tar.gz")).toList();
			return done.isEmpty() ? null : done.get(0);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Document manifest(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
			TarArchiveEntry first = tar.getNextEntry();
			assertThat(first.getName()).isEqualTo("manifest.json");
			return Document.parse(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
