"""One APIRouter per resource: claims, analysis, review, ingest, auth (sign-in forms) and the dashboard pages."""
