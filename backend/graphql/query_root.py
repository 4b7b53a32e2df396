import graphene


class Query(graphene.ObjectType):
    _placeholder = graphene.String()
