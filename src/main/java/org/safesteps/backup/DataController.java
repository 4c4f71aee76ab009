package org.safesteps.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.account.Account;
import org.safesteps.account.CurrentAccount;

/**
 * /admin/data: download a backup now, and the automatic backups (admins only: the security rules
 * let only ADMIN accounts under /admin). A backup holds children's pseudonymous data, so each
 * download is logged with who took it.
 */
@Controller
class DataController {

	private final Backups backups;

	private final BackupProperties properties;

	DataController(Backups backups, BackupProperties properties) {
		this.backups = backups;
		this.properties = properties;
	}

	@GetMapping("/admin/data")
	String page(Model model) {
		List<Backups.StoredBackup> stored = this.backups.list();
		model.addAttribute("backups", stored);
		model.addAttribute("totalSize", stored.stream().mapToLong(Backups.StoredBackup::size).sum());
		model.addAttribute("folder", this.backups.folder().toString());
		model.addAttribute("automatic", this.properties.enabled());
		model.addAttribute("keep", this.properties.keep());
		return "admin/data";
	}

	/** Takes a backup now and sends it; the temporary file is deleted once sent. */
	@PostMapping("/admin/data/backup")
	void downloadNow(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Backups.TakenBackup taken = this.backups.takeForDownload();
		try {
			send(taken.file(), taken.name(), request, response);
		}
		finally {
			Files.deleteIfExists(taken.file());
		}
	}

	@GetMapping("/admin/data/backups/{name}")
	void downloadStored(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Path file = this.backups.stored(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		send(file, name, request, response);
	}

	private void send(Path file, String name, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.backups.logDownload(CurrentAccount.of(request).map(Account::id).orElse("unknown"), name);
		response.setContentType("application/gzip");
		response.setContentLengthLong(Files.size(file));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Files.copy(file, response.getOutputStream());
	}

}
