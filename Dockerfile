# Application image of the MSI repository (web, worker and beat in docker-compose.yml).
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
        nodejs npm ffmpeg poppler-utils fonts-dejavu-core build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/msi/src
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir uv==0.13.9 && uv pip sync --system requirements.lock
COPY . .
RUN uv pip install --system --no-deps . \
    && mkdir -p /opt/msi/instance \
    && ln -s /opt/msi/src/invenio.cfg /opt/msi/src/app_data /opt/msi/src/templates /opt/msi/instance/
ENV MSI_INSTANCE_PATH=/opt/msi/instance MSI_STATE=/opt/msi/state
RUN INVENIO_SECRET_KEY=build bash scripts/assets.sh
USER nobody
