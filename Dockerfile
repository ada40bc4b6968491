# syntax=docker/dockerfile:1
# geopulse worker image. Two stages: wheels are built (and anything without a wheel compiled)
# in `build`; the final image holds only the virtualenv and the source, runs as a non-root
# user and has no compiler, so a compromised worker has little to work with.
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first, from a stub of the package, so editing the source keeps this layer.
COPY pyproject.toml README.md ./
COPY service/__init__.py service/__init__.py
RUN pip install --upgrade pip \
 && pip install .
COPY service ./service
RUN pip install --no-deps --force-reinstall . \
 && python -m service rules check
# The tagger compiled to C (service/native.py). The compiler goes to a scratch directory, not
# into the virtualenv the runtime stage copies; `native status` exits non-zero unless it took.
RUN pip install --target /tmp/mypyc "mypy==2.4.1" "setuptools>=68" \
 && PYTHONPATH=/tmp/mypyc python -m service native build \
 && python -m service native status \
 && rm -rf /tmp/mypyc build

FROM python:${PYTHON_VERSION}-slim AS runtime
ARG UID=10001
RUN groupadd --system --gid ${UID} geopulse \
 && useradd --system --uid ${UID} --gid geopulse --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin geopulse \
 && mkdir -p /var/lib/geopulse \
 && chown geopulse:geopulse /var/lib/geopulse
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The same code as the installed package, with the compiled tagger built beside it; kept under
# /app so the demo articles have a stable path (/app/service/demo/articles.jsonl).
COPY --from=build /src/service ./service
# /app first on the path: the `geopulse` script and `python -m service` from any directory
# import the compiled copy under /app, not the plain one pip put in the virtualenv.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    GEOPULSE_WEB_HOST=0.0.0.0 \
    GEOPULSE_WEB_PORT=6066 \
    GEOPULSE_DATA_DIR=/var/lib/geopulse
USER ${UID}:${UID}
EXPOSE 6066
# /health says the process serves HTTP; /ready (partitions assigned) is for orchestrators
# that route or scale, not for restarting a worker that waits its turn in a rebalance.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('GEOPULSE_WEB_PORT', '6066'), timeout=4)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "service"]
CMD ["worker"]
