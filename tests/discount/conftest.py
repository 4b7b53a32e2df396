from tests.admin.conftest import merchandiser, operations_user, staff_groups  # noqa: F401
