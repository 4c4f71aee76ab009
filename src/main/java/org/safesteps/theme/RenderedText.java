package org.safesteps.theme;

import java.io.CharArrayWriter;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as a template sees it, held back so the page can be kept: headers go through to the
 * real response, the text is kept here (Thymeleaf writes through {@link #getWriter()}). Used by every
 * page that keeps its rendered HTML (lesson steps, quiz results, the class page).
 */
public final class RenderedText extends HttpServletResponseWrapper {

	private final CharArrayWriter text;

	private final PrintWriter writer;

	public RenderedText(HttpServletResponse response, int expectedChars) {
		super(response);
		this.text = new CharArrayWriter(expectedChars);
		this.writer = new PrintWriter(this.text);
	}

	@Override
	public PrintWriter getWriter() {
		return this.writer;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		throw new IllegalStateException("A kept page is written as text");
	}

	@Override
	public void flushBuffer() {
		this.writer.flush();
	}

	@Override
	public void resetBuffer() {
		this.writer.flush();
		this.text.reset();
	}

	@Override
	public void reset() {
		super.reset();
		resetBuffer();
	}

	/** What the template wrote. */
	public String text() {
		this.writer.flush();
		return this.text.toString();
	}

}
