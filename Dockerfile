FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app

COPY requirements/lock.txt requirements/lock.txt
RUN pip install --no-cache-dir -r requirements/lock.txt

COPY . .
RUN pip install --no-cache-dir --no-deps -e . \
    && SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --create-home lumbar && mkdir -p var/media && chown -R lumbar var

USER lumbar
EXPOSE 8000
CMD ["gunicorn", "backend.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"]
