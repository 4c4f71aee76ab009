package org.safesteps.teacher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTest {

	private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");

	private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void theSvgScansBackToTheJoinLink() throws Exception {
		String link = "https://safesteps.example/join?code=ABC234";
		String svg = QrCode.svg(link, "QR code for ABC-234");

		Matcher size = SIZE.matcher(svg);
		assertThat(size.find()).isTrue();
		int modules = Integer.parseInt(size.group(1));
		int scale = 4;
		int width = modules * scale;
		int[] pixels = new int[width * width];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher square = SQUARE.matcher(svg);
		while (square.find()) {
			int x = Integer.parseInt(square.group(1));
			int y = Integer.parseInt(square.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * width + x * scale + dx] = 0;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(link);
	}

	@Test
	void theLabelIsEscaped() {
		assertThat(QrCode.svg("x", "a \"quoted\" <label>")).contains("aria-label=\"a &quot;quoted&quot; &lt;label&gt;\"")
			.startsWith("<svg class=\"qr-code\"");
	}

}
