import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The Tomcat ceiling of the load benchmark (src/bench/run.sh, never part of the app): the app's own
 * embedded Tomcat (the same tomcat-embed-core jar, default connector settings) with one servlet that
 * answers every GET with the saved lesson page's bytes. No Spring, no filters, no session, no
 * database, no template: what a servlet container alone can serve on this machine, to set beside
 * nginx's figure and the app's.
 *
 * <p>Usage: {@code java -cp ... Ceiling <port> <page file> <work folder>}; runs until killed.
 */
public final class Ceiling {

	private Ceiling() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		byte[] page = Files.readAllBytes(Path.of(args[1]));
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(args[2]);
		Connector connector = new Connector();
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", new File(args[2]).getAbsolutePath());
		Tomcat.addServlet(context, "page", new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setContentType("text/html;charset=UTF-8");
				response.setContentLength(page.length);
				response.getOutputStream().write(page);
			}
		});
		context.addServletMapping("/", "page");
		tomcat.start();
		tomcat.getServer().await();
	}

}
