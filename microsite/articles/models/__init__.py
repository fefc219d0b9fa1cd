from .article import (
    ArticlePage,
    ArticlePageQuerySet,
    ArticleRelatedArticle,
    ArticleRelatedTerm,
    ArticleSource,
)
from .authors import Author
from .index import ArticleIndexPage

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticleRelatedArticle",
    "ArticleRelatedTerm",
    "ArticleSource",
    "Author",
]
