package org.safesteps.teacher;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Every CSV a teacher downloads: UTF-8, an attachment named for what it holds (class names may be any script). */
final class CsvDownload {

	private CsvDownload() {
	}

	/** Sets the headers and returns a writer the caller fills and flushes. */
	static Writer open(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
	}

}
