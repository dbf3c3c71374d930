# One image recipe for every service: docker build --build-arg SERVICE=data-service -t mlops/data-service .
# Build the jars first (./mlops build); the image only copies the runnable jar.
FROM eclipse-temurin:21-jre
ARG SERVICE
RUN useradd --system --uid 10001 mlops && mkdir -p /data && chown mlops /data
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER mlops
WORKDIR /data
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
